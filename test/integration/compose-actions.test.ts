/**
 * Compose projects acted on through the core, against a private engine and Debian 13's docker-compose 2.26 (the
 * plugin, in a DOCKER_CONFIG of the test's own). The CLI oracle's argv is written here: what Wharf starts, stops and
 * removes is checked with `docker compose -p NAME ps -a --format json`, `docker volume ls` and `docker image ls`.
 * Images come from the harness (busybox imported, a loopback registry); nothing leaves the machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { ComposeRunResult } from '../../src/shared/compose';
import type { StreamServerMessage, LogBatch } from '../../src/shared/streams';
import type { TaskInfo } from '../../src/shared/tasks';
import { composeConfigDir } from '../support/compose-plugin';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, pushToRegistry } from '../support/fixtures';
import { freeLoopbackPort } from '../support/free-port';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';
import { call, makeCoreIn } from './make-core';

interface CliPsRow {
  ID: string;
  Name: string;
  Service: string;
  State: string;
}

const service = (name: string, extra = ''): string => `  ${name}:\n    image: busybox:latest\n    init: true\n    stop_grace_period: 1s\n${extra}`;

describe('compose actions on a private engine', () => {
  let engine: PrivateEngine;
  let registry: PrivateRegistry;
  let core: Core;
  let dir: string;
  let cliConfig: string;

  const compose = (args: string[]) => engine.cliOk(['compose', ...args], { env: { DOCKER_CONFIG: cliConfig }, timeoutMs: 120_000 });
  const cliPs = async (project: string): Promise<CliPsRow[]> => {
    const { stdout } = await compose(['-p', project, 'ps', '-a', '--format', 'json']);
    const rows = stdout.trim() === '' ? [] : (stdout.trim().split('\n').map((l) => JSON.parse(l) as CliPsRow));
    return rows.map(({ ID, Name, Service, State }) => ({ ID, Name, Service, State })).sort((a, b) => a.Name.localeCompare(b.Name));
  };
  const folder = (name: string, files: Record<string, string>): string => {
    const at = path.join(dir, name);
    fs.mkdirSync(at, { recursive: true });
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(at, file), text);
    return at;
  };
  const settled = async (task: TaskInfo): Promise<TaskInfo<'compose'>> => (await core.tasks.settled(task.id)) as TaskInfo<'compose'>;
  const detailsOf = (task: TaskInfo): { command: string[]; services: ComposeRunResult['services']; output: string } =>
    (task.error?.details as { compose: { command: string[]; services: ComposeRunResult['services']; output: string } }).compose;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-compose-actions-'));
    cliConfig = composeConfigDir(path.join(dir, 'docker-config'));
    engine = await startPrivateEngine({ name: 'compose-actions' });
    registry = await startPrivateRegistry();
    await importBusybox(engine);
    core = makeCoreIn({ dockerHost: engine.host, env: { DOCKER_CONFIG: cliConfig, XDG_CONFIG_HOME: path.join(dir, 'xdg'), HOME: dir }, home: dir });
    await core.start();
  }, 240_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
    await registry?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the compose plugin in the DOCKER_CONFIG it was given', async () => {
    const tool = await call(core, 'compose.tool', {});
    expect(tool).toMatchObject({ kind: 'plugin', command: [expect.stringMatching(/docker$/), 'compose'] });
    expect(tool.kind === 'plugin' && tool.version).toMatch(/^2\.26\./);
  });

  it('opens a folder: compose file, override and .env, the name and services `docker compose config` gives; remembered in the list', async () => {
    const at = folder('Shop.App', {
      'compose.yaml': `services:\n${service('web', '    command: ["sleep", "600"]\n')}`,
      'compose.override.yaml': `services:\n${service('cache', '    command: ["sleep", "600"]\n')}`,
      '.env': 'TAG=1\n',
    });
    const opened = await call(core, 'compose.open', { path: at });
    expect(opened.documents.map((d) => [path.basename(d.path), d.role, d.exists])).toEqual([
      ['compose.yaml', 'compose', true],
      ['compose.override.yaml', 'override', true],
      ['.env', 'env', true],
    ]);
    const { stdout } = await compose(['-f', path.join(at, 'compose.yaml'), '-f', path.join(at, 'compose.override.yaml'), 'config', '--format', 'json']);
    const cli = JSON.parse(stdout) as { name: string; services: Record<string, unknown> };
    expect(opened.config.ok && opened.config.services.sort()).toEqual(Object.keys(cli.services).sort());
    expect(opened.name).toBe(cli.name);
    expect(opened.name).toBe('shopapp');
    const list = await call(core, 'compose.list', { all: true });
    expect(list.opened).toContainEqual({ name: 'shopapp', workingDir: at, files: [path.join(at, 'compose.yaml'), path.join(at, 'compose.override.yaml')] });
    expect((await call(core, 'compose.forget', { workingDir: at })).forgotten).toBe(true);
    expect((await call(core, 'compose.list', { all: true })).opened.map((o) => o.workingDir)).not.toContain(at);
  });

  it('a config error names its file and line: YAML syntax, an unknown key, a bad .env line', async () => {
    const syntax = folder('bad-yaml', { 'compose.yaml': 'services:\n  a:\n    image: busybox\n   command: x\n' });
    const a = await call(core, 'compose.config', { files: [path.join(syntax, 'compose.yaml')], workingDir: syntax });
    expect(a).toMatchObject({ ok: false, file: path.join(syntax, 'compose.yaml'), line: 4 });
    const schema = folder('bad-key', { 'compose.yaml': 'services:\n  a:\n    image: busybox\n    comand: x\n' });
    const b = await call(core, 'compose.config', { files: [path.join(schema, 'compose.yaml')], workingDir: schema });
    expect(b).toMatchObject({ ok: false, file: path.join(schema, 'compose.yaml'), line: 4 });
    expect(!b.ok && b.message).toContain('comand');
    const env = folder('bad-env', { 'compose.yaml': 'services:\n  a:\n    image: busybox\n', '.env': 'X=1\nBAD LINE\n' });
    const c = await call(core, 'compose.config', { files: [path.join(env, 'compose.yaml')], workingDir: env });
    expect(c).toMatchObject({ ok: false, file: path.join(env, '.env'), line: 2 });
    // Opening such a folder works (the user fixes it in the editor); up refuses with the same place.
    const up = await core.invoke('compose.up', { files: [path.join(syntax, 'compose.yaml')], workingDir: syntax });
    expect(up).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { config: { line: 4 } } } });
  });

  it('up is a task that logs the command and compose\'s output; ps equals `docker compose -p NAME ps -a`; stop and start one service', async () => {
    const at = folder('demo', { 'compose.yaml': `services:\n${service('web', '    command: ["sh", "-c", "echo web ready; sleep 600"]\n')}${service('worker', '    command: ["sh", "-c", "echo worker ready; sleep 600"]\n')}` });
    const task = await call(core, 'compose.up', { files: [path.join(at, 'compose.yaml')], workingDir: at });
    const done = await settled(task);
    expect(done.state).toBe('succeeded');
    expect(done.result?.command).toEqual(['docker', 'compose', '-p', 'demo', '-f', path.join(at, 'compose.yaml'), '--project-directory', at, 'up', '-d']);
    expect(done.result?.services).toEqual([
      { service: 'web', state: 'done' },
      { service: 'worker', state: 'done' },
    ]);
    const log = core.tasks.log(task.id, 0).lines;
    expect(log[0]).toBe(`$ docker compose -p demo -f ${path.join(at, 'compose.yaml')} --project-directory ${at} up -d`);
    expect(log.some((l) => /Container demo-web-1\s+Started/.test(l))).toBe(true);

    const ps = await call(core, 'compose.ps', { project: 'demo' });
    const ours = ps.containers.map((c) => ({ ID: c.id, Name: c.name, Service: c.service, State: c.state })).sort((a, b) => a.Name.localeCompare(b.Name));
    expect(ours).toEqual(await cliPs('demo'));
    expect(ours.map((c) => c.State)).toEqual(['running', 'running']);

    const stop = await settled(await call(core, 'compose.action', { project: 'demo', action: 'stop', services: ['worker'] }));
    expect(stop.result, `${stop.state}: ${JSON.stringify(stop.error)}\n${core.tasks.log(stop.id, 0).lines.join('\n')}`).toEqual({ command: ['docker', 'compose', '-p', 'demo', 'stop', 'worker'], services: [{ service: 'worker', state: 'done' }] });
    expect((await cliPs('demo')).map((c) => [c.Service, c.State])).toEqual([
      ['web', 'running'],
      ['worker', 'exited'],
    ]);
    const list = await call(core, 'compose.list', { all: true });
    expect(list.projects.find((p) => p.name === 'demo')).toMatchObject({ running: 1, total: 2, filesHere: true });
    const start = await settled(await call(core, 'compose.action', { project: 'demo', action: 'start' }));
    expect(start.state).toBe('succeeded');
    expect((await cliPs('demo')).map((c) => c.State)).toEqual(['running', 'running']);
  }, 120_000);

  it('logs: lines of both services, each with its container, as `docker compose logs` prefixes them', async () => {
    const batches: LogBatch[] = [];
    const ended = new Promise<StreamServerMessage>((resolve) => {
      const connection = core.connectStreams({
        send: (m) => {
          if (m.type === 'stream.data') batches.push(m.data as LogBatch);
          else resolve(m);
        },
        congested: () => false,
      });
      connection.open('compose-logs-1', 'compose.logs', { project: 'demo', follow: false, tail: 'all', timestamps: false });
    });
    expect(await ended).toEqual({ type: 'stream.end', sid: 'compose-logs-1' });
    const lines = batches.flatMap((b) => b.lines);
    expect(lines).toContainEqual({ stream: 'stdout', source: 'web-1', text: 'web ready' });
    expect(lines).toContainEqual({ stream: 'stdout', source: 'worker-1', text: 'worker ready' });
  }, 60_000);

  it('logs of one service, followed: a container recreated while the stream is open joins it', async () => {
    const batches: LogBatch[] = [];
    const connection = core.connectStreams({ send: (m) => void (m.type === 'stream.data' && batches.push(m.data as LogBatch)), congested: () => false });
    connection.open('compose-logs-2', 'compose.logs', { project: 'demo', services: ['web'], follow: true, tail: 0, timestamps: false });
    const lines = (): LogBatch['lines'] => batches.flatMap((b) => b.lines);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await compose(['-p', 'demo', '-f', path.join(dir, 'demo', 'compose.yaml'), 'up', '-d', '--force-recreate', 'web']);
    const deadline = Date.now() + 30_000;
    while (!lines().some((l) => l.text === 'web ready') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    connection.close('compose-logs-2');
    expect(lines().filter((l) => l.text === 'web ready').map((l) => l.source)).toEqual(['web-1']);
    expect(lines().some((l) => l.source === 'worker-1')).toBe(false);
  }, 60_000);

  it('a port already taken: the task fails with compose\'s words, and says which service started and which did not', async () => {
    const port = await freeLoopbackPort();
    await engine.cliOk(['run', '-d', '--name', 'squatter', '-p', `127.0.0.1:${port}:80`, 'busybox:latest', 'sleep', '600']);
    const at = folder('clash', { 'compose.yaml': `services:\n${service('api', `    command: ["sleep", "600"]\n    ports: ["127.0.0.1:${port}:80"]\n`)}${service('side', '    command: ["sleep", "600"]\n')}` });
    const done = await settled(await call(core, 'compose.up', { files: [path.join(at, 'compose.yaml')], workingDir: at }));
    expect(done.state).toBe('failed');
    const details = detailsOf(done);
    expect(details.services.find((s) => s.service === 'side')).toEqual({ service: 'side', state: 'done' });
    expect(details.services.find((s) => s.service === 'api')).toMatchObject({ state: 'failed', message: expect.stringContaining('port is already allocated') });
    expect(done.error?.message).toContain('port is already allocated');
  }, 120_000);

  it('a missing image and a failing build: failed tasks with compose\'s output, per service', async () => {
    const missing = folder('missing', { 'compose.yaml': `services:\n  gone:\n    image: ${registry.address}/acme/nosuch:1\n` });
    const a = await settled(await call(core, 'compose.up', { files: [path.join(missing, 'compose.yaml')], workingDir: missing }));
    expect(a.state).toBe('failed');
    expect(detailsOf(a).services).toEqual([{ service: 'gone', state: 'failed', message: expect.stringMatching(/not found|manifest unknown/i) }]);
    const build = folder('badbuild', { Dockerfile: 'FROM busybox:latest\nRUN echo building && exit 3\n', 'compose.yaml': 'services:\n  app:\n    build: .\n    command: ["sleep", "600"]\n' });
    const b = await settled(await call(core, 'compose.up', { files: [path.join(build, 'compose.yaml')], workingDir: build }));
    expect(b.state).toBe('failed');
    expect(detailsOf(b).output).toMatch(/exit code: 3|returned a non-zero code: 3/);
    expect(detailsOf(b).services).toMatchObject([{ service: 'app', state: 'failed' }]);
  }, 180_000);

  it('down: the preview lists what goes; without -v the named volume and its data stay; with -v the preview names it', async () => {
    const at = folder('keep', { 'compose.yaml': `services:\n${service('db', '    command: ["sh", "-c", "echo kept > /data/file; sleep 600"]\n    volumes: [data:/data]\n')}volumes:\n  data: {}\n` });
    expect((await settled(await call(core, 'compose.up', { files: [path.join(at, 'compose.yaml')], workingDir: at }))).state).toBe('succeeded');
    const withV = await call(core, 'compose.downPreview', { project: 'keep', volumes: true, images: 'none' });
    expect(withV).toMatchObject({ containers: ['keep-db-1'], networks: ['keep_default'], volumes: ['keep_data'], images: [], command: ['docker', 'compose', '-p', 'keep', 'down', '-v'] });
    const preview = await call(core, 'compose.downPreview', { project: 'keep', volumes: false, images: 'all' });
    expect(preview).toMatchObject({ containers: ['keep-db-1'], volumes: [], images: ['busybox:latest'], command: ['docker', 'compose', '-p', 'keep', 'down', '--rmi', 'all'] });
    // busybox:latest is what the demo project's containers run too: the preview says the engine keeps it.
    expect(preview.imagesInUseElsewhere).toEqual(['busybox:latest']);
    const down = await settled(await call(core, 'compose.down', { project: 'keep', volumes: false, images: 'none' }));
    expect(down.result).toEqual({ command: ['docker', 'compose', '-p', 'keep', 'down'], services: [{ service: 'db', state: 'done' }] });
    expect(await cliPs('keep')).toEqual([]);
    expect((await engine.cliOk(['volume', 'ls', '-q'])).stdout.split('\n')).toContain('keep_data');
    const read = await engine.cliOk(['run', '--rm', '-v', 'keep_data:/data', 'busybox:latest', 'cat', '/data/file']);
    expect(read.stdout.trim()).toBe('kept');
  }, 120_000);

  it('pull from a private registry; a project whose files are gone can still stop, but not pull', async () => {
    const ref = await pushToRegistry(engine, registry, 'busybox:latest', 'acme/tool:1');
    const at = folder('puller', { 'compose.yaml': `services:\n  tool:\n    image: ${ref}\n    command: ["sleep", "600"]\n    init: true\n    stop_grace_period: 1s\n` });
    await compose(['-p', 'puller', '-f', path.join(at, 'compose.yaml'), 'up', '-d']);
    await engine.cliOk(['image', 'rm', '--force', ref]);
    const pull = await settled(await call(core, 'compose.action', { project: 'puller', action: 'pull' }));
    expect(pull.state).toBe('succeeded');
    expect(pull.result?.command).toEqual(['docker', 'compose', '-p', 'puller', '-f', path.join(at, 'compose.yaml'), '--project-directory', at, 'pull']);
    expect((await engine.cliOk(['image', 'ls', '-q', ref])).stdout.trim()).not.toBe('');
    fs.rmSync(at, { recursive: true, force: true });
    expect(await core.invoke('compose.action', { project: 'puller', action: 'pull' })).toMatchObject({ ok: false, error: { code: 'unsupported', details: { reason: 'files-gone' } } });
    expect((await call(core, 'compose.list', { all: true })).projects.find((p) => p.name === 'puller')?.filesHere).toBe(false);
    const stop = await settled(await call(core, 'compose.action', { project: 'puller', action: 'stop' }));
    expect(stop.state).toBe('succeeded');
    expect((await cliPs('puller')).map((c) => c.State)).toEqual(['exited']);
  }, 120_000);

  it('save: atomic, keeps the mode, refuses a file changed on disk, a file of no opened project, and a symlink', async () => {
    const at = folder('edit', { 'compose.yaml': `services:\n${service('web', '    command: ["sleep", "600"]\n')}` });
    fs.chmodSync(path.join(at, 'compose.yaml'), 0o640);
    const opened = await call(core, 'compose.open', { path: at });
    const yaml = opened.documents[0];
    const env = opened.documents.find((d) => d.role === 'env');
    if (!yaml || !env) throw new Error('documents missing');
    expect(env).toMatchObject({ exists: false, mtimeMs: 0, text: '' });
    const saved = await call(core, 'compose.save', { path: yaml.path, text: `${yaml.text}# edited\n`, mtimeMs: yaml.mtimeMs });
    expect(fs.readFileSync(yaml.path, 'utf8')).toBe(`${yaml.text}# edited\n`);
    expect(fs.statSync(yaml.path).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(at).sort()).toEqual(['compose.yaml']);
    expect(await call(core, 'compose.save', { path: env.path, text: 'TAG=2\n', mtimeMs: 0 })).toEqual({ mtimeMs: fs.statSync(env.path).mtimeMs });
    // Changed by another editor since: refused, the other edit kept.
    fs.writeFileSync(yaml.path, 'services: {}\n');
    fs.utimesSync(yaml.path, new Date(), new Date(Date.now() + 5000));
    expect(await core.invoke('compose.save', { path: yaml.path, text: 'x: 1\n', mtimeMs: saved.mtimeMs })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fs.readFileSync(yaml.path, 'utf8')).toBe('services: {}\n');
    expect(await core.invoke('compose.save', { path: '/etc/hostname', text: 'x', mtimeMs: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { reason: 'not-editable' } } });
    fs.writeFileSync(path.join(dir, 'elsewhere.env'), 'A=1\n');
    fs.symlinkSync(path.join(dir, 'elsewhere.env'), env.path.replace(/\.env$/, '.env.tmp'));
    fs.rmSync(env.path);
    fs.renameSync(env.path.replace(/\.env$/, '.env.tmp'), env.path);
    expect(await core.invoke('compose.save', { path: env.path, text: 'A=2\n', mtimeMs: fs.lstatSync(env.path).mtimeMs })).toMatchObject({ ok: false, error: { code: 'unsupported', details: { reason: 'symlink' } } });
    expect(fs.readFileSync(path.join(dir, 'elsewhere.env'), 'utf8')).toBe('A=1\n');
  });
});
