/**
 * compose.list equals `docker compose ls [-a] --format json` on the same engine: projects started with the CLI's own
 * compose (Debian 13's docker-compose 2.26 as a CLI plugin, from the second-engine cache), running, stopped and half
 * stopped, found from the containers' labels with the same status text and config files. The argv is the test's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox } from '../support/fixtures';
import { composeConfigDir } from '../support/compose-plugin';
import { call, makeCoreIn } from './make-core';

interface CliProject {
  Name: string;
  Status: string;
  ConfigFiles: string;
}

describe('compose.list equals `docker compose ls`', () => {
  let engine: PrivateEngine;
  let core: Core;
  let dir: string;
  let cliConfig: string;

  const compose = (args: string[]) => engine.cliOk(['compose', ...args], { env: { DOCKER_CONFIG: cliConfig }, timeoutMs: 120_000 });
  const project = (name: string, services: string[]): string => {
    const folder = path.join(dir, name);
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'compose.yaml');
    const body = services.map((s) => `  ${s}:\n    image: busybox:latest\n    command: ["sleep", "600"]\n    init: true\n    stop_grace_period: 1s\n`).join('');
    fs.writeFileSync(file, `services:\n${body}`);
    return file;
  };
  const cliList = async (all: boolean): Promise<CliProject[]> => {
    const { stdout } = await compose(['ls', ...(all ? ['-a'] : []), '--format', 'json']);
    return (JSON.parse(stdout) as CliProject[]).map(({ Name, Status, ConfigFiles }) => ({ Name, Status, ConfigFiles }));
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-compose-'));
    cliConfig = composeConfigDir(path.join(dir, 'docker-config'));
    engine = await startPrivateEngine({ name: 'compose' });
    await importBusybox(engine);
    const demo = project('demo', ['web', 'worker']);
    const halted = project('halted', ['db']);
    const mixed = project('mixed', ['api', 'cron']);
    await compose(['-p', 'demo', '-f', demo, 'up', '-d']);
    await compose(['-p', 'halted', '-f', halted, 'up', '-d']);
    await compose(['-p', 'halted', '-f', halted, 'stop']);
    await compose(['-p', 'mixed', '-f', mixed, 'up', '-d']);
    await compose(['-p', 'mixed', '-f', mixed, 'stop', 'cron']);
    // A container outside any project is not a project.
    await engine.cliOk(['create', '--name', 'loner', 'busybox:latest', 'true']);
    core = makeCoreIn({ dockerHost: engine.host, env: { DOCKER_CONFIG: cliConfig, XDG_CONFIG_HOME: path.join(dir, 'xdg') }, home: dir });
    await core.start();
  }, 240_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('-a: every project, running, stopped or half stopped, with the CLI\'s status text and config files', async () => {
    const ours = await call(core, 'compose.list', { all: true });
    expect(ours.command).toEqual(['docker', 'compose', 'ls', '-a']);
    expect(ours.projects.map((p) => ({ Name: p.name, Status: p.status, ConfigFiles: p.configFiles }))).toEqual(await cliList(true));
    expect(ours.projects.map((p) => p.name)).toEqual(['demo', 'halted', 'mixed']);
  });

  it('without -a: what the running containers say, as the CLI; with -a, services and working folder from the labels', async () => {
    const ours = await call(core, 'compose.list', { all: false });
    expect(ours.projects.map((p) => ({ Name: p.name, Status: p.status, ConfigFiles: p.configFiles }))).toEqual(await cliList(false));
    expect(ours.projects.map((p) => p.name)).toEqual(['demo', 'mixed']);
    const mixed = (await call(core, 'compose.list', { all: true })).projects.find((p) => p.name === 'mixed');
    expect(mixed).toMatchObject({ running: 1, total: 2, workingDir: path.join(dir, 'mixed') });
    expect(mixed?.services.map((s) => [s.name, s.containers.length, s.running])).toEqual([
      ['api', 1, 1],
      ['cron', 1, 0],
    ]);
  });
});
