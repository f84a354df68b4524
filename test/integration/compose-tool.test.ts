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

  it('the docker CLI plugin in DOCKER_CONFIG, even with a DOCKER_CONTEXT that does not exist', async () => {
    const config = composeConfigDir(path.join(dir, 'with-plugin'));
    const tool = await findComposeTool({ PATH: systemPath, DOCKER_CONFIG: config, DOCKER_CONTEXT: 'nosuch' }, dir);
    expect(tool).toMatchObject({ kind: 'plugin', path: path.join(config, 'cli-plugins', 'docker-compose'), command: [expect.stringMatching(/\/docker$/), 'compose'] });
    expect(tool.kind === 'plugin' && tool.version).toMatch(/^2\.26\./);
  });

  it('else a v2 docker-compose on PATH; a folder of that name earlier on PATH is not it', async () => {
    const decoy = path.join(dir, 'decoy');
    fs.mkdirSync(path.join(decoy, 'docker-compose'), { recursive: true });
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.symlinkSync(COMPOSE_PLUGIN, path.join(bin, 'docker-compose'));
    const tool = await findComposeTool({ PATH: `${decoy}:${bin}:${systemPath}`, DOCKER_CONFIG: empty() }, dir);
    expect(tool).toMatchObject({ kind: 'standalone', path: path.join(bin, 'docker-compose'), command: [path.join(bin, 'docker-compose')] });
  });

  it('a docker-compose 1.x is named as v1 (and never run for work); nothing at all is none', async () => {
    const v1 = path.join(dir, 'v1');
    fs.mkdirSync(v1, { recursive: true });
    fs.writeFileSync(path.join(v1, 'docker-compose'), '#!/bin/sh\necho 1.29.2\n', { mode: 0o755 });
    expect(await findComposeTool({ PATH: `${v1}:${systemPath}`, DOCKER_CONFIG: empty() }, dir)).toEqual({ kind: 'v1', version: '1.29.2', path: path.join(v1, 'docker-compose') });
    expect(await findComposeTool({ PATH: path.join(dir, 'nothing'), DOCKER_CONFIG: empty() }, dir)).toEqual({ kind: 'none' });
  });
});
