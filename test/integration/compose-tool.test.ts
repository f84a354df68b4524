/**
 * Which compose Wharf finds, with real binaries (Debian 13's docker-compose 2.26 from the engine cache, the docker CLI
 * of this machine): the plugin in DOCKER_CONFIG, the same binary as a standalone docker-compose on PATH, a folder of
 * that name skipped, a broken DOCKER_CONTEXT not hiding it, a 1.x stand-in named v1, and none. No ~/.docker is read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findComposeTool } from '../../src/main/core/compose/compose-tool';
import { COMPOSE_PLUGIN, composeConfigDir } from '../support/compose-plugin';

describe('findComposeTool', () => {
  let dir: string;
  const systemPath = process.env.PATH ?? '/usr/bin';
  const empty = (): string => fs.mkdtempSync(path.join(dir, 'cfg-'));

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-compose-tool-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the docker CLI plugin in DOCKER_CONFIG: kind plugin, its version and file, run as `docker compose`', async () => {
    const config = composeConfigDir(path.join(dir, 'with-plugin'));
    const tool = await findComposeTool({ PATH: systemPath, DOCKER_CONFIG: config }, dir);
    expect(tool).toMatchObject({ kind: 'plugin', path: path.join(config, 'cli-plugins', 'docker-compose'), command: [expect.stringMatching(/\/docker$/), 'compose'] });
    expect(tool.kind === 'plugin' && tool.version).toMatch(/^2\.26\.\d+$/);
  });

  // Debian's docker 20.10 refuses to run a plugin under a DOCKER_CONTEXT that does not exist (or an invalid
  // DOCKER_HOST); docker 28 does not care. Both real CLIs of this machine, each first on PATH.
  it.each(['/usr/local/bin/docker', '/usr/bin/docker'].filter((cli) => fs.existsSync(cli)))('a broken DOCKER_CONTEXT or DOCKER_HOST does not hide the plugin (%s)', async (cli) => {
    const config = composeConfigDir(path.join(dir, 'with-plugin-broken-context'));
    const bin = fs.mkdtempSync(path.join(dir, 'cli-'));
    fs.symlinkSync(cli, path.join(bin, 'docker'));
    const env = { PATH: `${bin}:${systemPath}`, DOCKER_CONFIG: config };
    const plugin = { kind: 'plugin', version: expect.stringMatching(/^2\.26\./), command: [path.join(bin, 'docker'), 'compose'] };
    expect(await findComposeTool({ ...env, DOCKER_CONTEXT: 'nosuch' }, dir)).toMatchObject(plugin);
    expect(await findComposeTool({ ...env, DOCKER_HOST: 'bogus://nosuch' }, dir)).toMatchObject(plugin);
  });

  it('no plugin: the same binary as docker-compose on PATH is a standalone v2; a folder of that name earlier on PATH is not it', async () => {
    const decoy = path.join(dir, 'decoy');
    fs.mkdirSync(path.join(decoy, 'docker-compose'), { recursive: true });
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.symlinkSync(COMPOSE_PLUGIN, path.join(bin, 'docker-compose'));
    const tool = await findComposeTool({ PATH: `${decoy}:${bin}:${systemPath}`, DOCKER_CONFIG: empty() }, dir);
    expect(tool).toMatchObject({ kind: 'standalone', path: path.join(bin, 'docker-compose'), command: [path.join(bin, 'docker-compose')] });
    expect(tool.kind === 'standalone' && tool.version).toMatch(/^2\.26\.\d+$/);
  });

  it('a docker-compose 1.x is named as v1 (and never run for work)', async () => {
    const v1 = path.join(dir, 'v1');
    fs.mkdirSync(v1, { recursive: true });
    // The only stand-in here: what Debian 12's docker-compose 1.29.2 prints for `version --short`, and nothing else.
    fs.writeFileSync(path.join(v1, 'docker-compose'), '#!/bin/sh\n[ "$1 $2" = "version --short" ] && { echo 1.29.2; exit 0; }\nexit 1\n', { mode: 0o755 });
    expect(await findComposeTool({ PATH: `${v1}:${systemPath}`, DOCKER_CONFIG: empty() }, dir)).toEqual({ kind: 'v1', version: '1.29.2', path: path.join(v1, 'docker-compose') });
  });

  it('nothing at all is none', async () => {
    expect(await findComposeTool({ PATH: path.join(dir, 'nothing'), DOCKER_CONFIG: empty() }, dir)).toEqual({ kind: 'none' });
  });
});
