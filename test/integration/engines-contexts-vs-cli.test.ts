/**
 * Engines are the docker CLI's contexts: engines.list equals `docker context ls --format json`, a context Wharf
 * creates works in the CLI and one the CLI creates works in Wharf, and engines.use switches Wharf between two
 * private engines live — pages' lists answer the new engine, old streams end with a message, a task started before
 * the switch finishes on its own engine, and the CLI's current context changes only when asked. The CLI's argv is
 * written here; its DOCKER_CONFIG is the test's own folder, never the user's ~/.docker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { StreamServerMessage } from '../../src/shared/streams';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { run } from '../support/exec';
import { importBusybox } from '../support/fixtures';
import { defaultDockerCli } from '../support/preconditions';
import { call, makeCoreIn, recordEvents } from './make-core';

interface CliContext {
  Name: string;
  Description: string;
  DockerEndpoint: string;
  Current: boolean;
}

describe('engines: the docker CLI\'s contexts, shared with the CLI, switched live', () => {
  let a: PrivateEngine;
  let b: PrivateEngine;
  let configDir: string;
  let core: Core;

  /** The docker CLI with the test's config folder and no DOCKER_HOST: contexts decide where it goes. */
  const cli = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: configDir, DOCKER_CLI_HINTS: 'false' };
    for (const key of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS']) delete env[key];
    return run(defaultDockerCli(), args, { env, timeoutMs: 60_000 });
  };
  const cliOk = async (args: string[]): Promise<string> => {
    const result = await cli(args);
    if (result.code !== 0) throw new Error(`docker ${args.join(' ')}: exit ${result.code}: ${result.stderr}`);
    return result.stdout;
  };
  const cliContexts = async (): Promise<CliContext[]> =>
    (await cliOk(['context', 'ls', '--format', 'json']))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as CliContext)
      .map(({ Name, Description, DockerEndpoint, Current }) => ({ Name, Description, DockerEndpoint, Current }));

  beforeAll(async () => {
    [a, b] = await Promise.all([startPrivateEngine({ name: 'ctx-a' }), startPrivateEngine({ name: 'ctx-b' })]);
    await Promise.all([importBusybox(a, 'marker-a:1'), importBusybox(b, 'marker-b:1')]);
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-contexts-'));
    // A config.json with keys of the user's own, one a number JavaScript would round: they must survive any switch.
    await cliOk(['context', 'create', 'engine-a', '--docker', `host=${a.host}`]);
    await cliOk(['context', 'create', 'engine-b', '--description', 'the second engine', '--docker', `host=${b.host}`]);
    // Sorts before "default" (upper case first, as the CLI sorts bytes).
    await cliOk(['context', 'create', 'Zulu', '--docker', 'host=tcp://127.0.0.1:9']);
    // (The CLI itself drops keys it does not know when it writes config.json, so this one is written after it.)
    fs.writeFileSync(path.join(configDir, 'config.json'), '{\n\t"auths": {},\n\t"currentContext": "engine-a",\n\t"x-big": 12345678901234567890\n}\n');
    core = makeCoreIn({ env: { DOCKER_CONFIG: configDir }, home: configDir });
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await Promise.all([a?.destroy(), b?.destroy()]);
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  it('engines.list equals `docker context ls --format json`, and says Wharf uses the CLI\'s current context', async () => {
    const list = await call(core, 'engines.list');
    const ours = list.engines.map((e) => ({ Name: e.name, Description: e.description, DockerEndpoint: e.endpoint, Current: e.current }));
    expect(ours).toEqual(await cliContexts());
    expect(list.using).toBe('engine-a');
    expect(list.engines.filter((e) => e.inUse).map((e) => e.name)).toEqual(['engine-a']);
    const images = await call(core, 'images.list', { filters: {}, all: false });
    expect(images.rows.map((r) => `${r.repository}:${r.tag}`)).toEqual(['marker-a:1']);
  });

  it('a context Wharf creates works in the CLI; one the CLI creates works in Wharf; each side removes the other\'s', async () => {
    const made = await call(core, 'engines.create', { name: 'made-by-wharf', description: 'from the switcher', host: b.host });
    expect(made).toMatchObject({ name: 'made-by-wharf', endpoint: b.host, kind: 'local', current: false, inUse: false });
    expect(await cliOk(['--context', 'made-by-wharf', 'image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])).toBe('marker-b:1\n');
    expect((await cliContexts()).find((c) => c.Name === 'made-by-wharf')).toEqual({ Name: 'made-by-wharf', Description: 'from the switcher', DockerEndpoint: b.host, Current: false });

    await cliOk(['context', 'create', 'made-by-cli', '--docker', `host=${a.host}`]);
    expect((await call(core, 'engines.list')).engines.map((e) => e.name)).toContain('made-by-cli');
    const probe = await call(core, 'engines.probe', { name: 'made-by-cli' });
    expect(probe).toMatchObject({ name: 'made-by-cli', state: 'connected' });

    await call(core, 'engines.remove', { name: 'made-by-cli' });
    await cliOk(['context', 'rm', 'made-by-wharf']);
    const names = (await cliContexts()).map((c) => c.Name);
    expect(names).not.toContain('made-by-cli');
    expect(names).not.toContain('made-by-wharf');
    expect((await call(core, 'engines.list')).engines.map((e) => e.name)).toEqual(names);
  });

  it('refuses at the field what the CLI would store broken, and refuses removing what is in use, as the CLI does', async () => {
    const bad = async (input: Record<string, unknown>): Promise<unknown> => {
      const envelope = await core.invoke('engines.create', input);
      expect(envelope.ok).toBe(false);
      return envelope.ok ? undefined : envelope.error;
    };
    expect(await bad({ name: 'a/b', host: b.host })).toMatchObject({ code: 'invalid-input', details: { problems: { name: 'pattern' } } });
    expect(await bad({ name: 'default', host: b.host })).toMatchObject({ code: 'invalid-input', details: { problems: { name: 'reserved' } } });
    expect(await bad({ name: 'odd', host: 'foo://bar' })).toMatchObject({ code: 'invalid-input', details: { problems: { host: 'scheme' } } });
    expect(await bad({ name: 'odd', host: 'ssh://me:secret@host' })).toMatchObject({ code: 'invalid-input', details: { problems: { host: 'ssh-password' } } });
    expect(await bad({ name: 'engine-b', host: b.host })).toMatchObject({ code: 'conflict', details: { problems: { name: 'exists' } } });
    expect((await cliContexts()).map((c) => c.Name)).toEqual(['Zulu', 'default', 'engine-a', 'engine-b']);

    // Wharf uses engine-a: not removable from Wharf, with or without force.
    expect(await core.invoke('engines.remove', { name: 'engine-a', force: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // engine-b is nobody's current: the CLI's refusal for a current context, seen from the CLI itself, is the one Wharf gives.
    const cliRefusal = await cli(['context', 'rm', 'engine-a']);
    expect(cliRefusal.code).not.toBe(0);
    expect(cliRefusal.stderr).toContain('context "engine-a" is in use, set -f flag to force remove');
  });

  it('an engine that does not answer is reported unreachable within 10 s', async () => {
    await call(core, 'engines.create', { name: 'nobody-home', host: 'tcp://127.0.0.1:9' });
    const started = Date.now();
    const probe = await call(core, 'engines.probe', { name: 'nobody-home' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(probe.state).toBe('unreachable');
    expect(probe.detail).toMatch(/ECONNREFUSED|connect/);
    await call(core, 'engines.remove', { name: 'nobody-home' });
  });

  it('engines.use switches live: lists answer the new engine, its events follow, the old engine\'s stream ends with a message, a running task finishes where it began', async () => {
    const recorder = recordEvents(core);
    // A stop that takes about 3 s on engine A (its PID 1 ignores SIGTERM), and a log stream following a container there.
    await a.cliOk(['run', '-d', '--name', 'stubborn', '--stop-timeout', '3', 'marker-a:1', 'sh', '-c', 'trap "" TERM; while true; do echo tick; sleep 1; done']);
    const messages: StreamServerMessage[] = [];
    const streams = core.connectStreams({ send: (m) => messages.push(m), congested: () => false });
    streams.open('switch-logs-1', 'containers.logs', { id: 'stubborn', follow: true, tail: 10, timestamps: false });
    await expect.poll(() => messages.map((m) => m.type), { timeout: 10_000 }).toContain('stream.data');
    const task = await call(core, 'containers.action', { ids: ['stubborn'], action: 'stop' });
    expect(task.engine).toBe('engine-a');
    const configBefore = fs.readFileSync(path.join(configDir, 'config.json'), 'utf8');

    const status = await call(core, 'engines.use', { name: 'engine-b' });
    expect(status).toMatchObject({ state: 'connected', endpoint: { host: b.host, contextName: 'engine-b' } });
    const switched = await recorder.waitFor((e) => e.type === 'engine.switched' && e.engine === 'engine-b' && e.from === 'engine-a');
    expect(switched.type === 'engine.switched' && switched.closedStreams).toBe(1);

    const images = await call(core, 'images.list', { filters: {}, all: false });
    expect(images.rows.map((r) => `${r.repository}:${r.tag}`)).toEqual(['marker-b:1']);
    expect((await call(core, 'engines.list')).using).toBe('engine-b');

    // The old engine's log stream ended, saying why; no new data reaches the page from it.
    const end = messages.find((m) => m.type === 'stream.end' && m.sid === 'switch-logs-1');
    expect(end).toMatchObject({ type: 'stream.end', error: { code: 'cancelled', details: { engineSwitched: { from: 'engine-a', to: 'engine-b' } } } });

    // Events now come from B only, while A's connection is still open for the task: a tag on A is not heard, one on B is.
    const from = recorder.events.length;
    await a.cliOk(['tag', 'marker-a:1', 'only-on-a:1']);
    await b.cliOk(['tag', 'marker-b:1', 'only-on-b:1']);
    await recorder.waitFor((e) => e.type === 'docker.event' && e.event.Action === 'tag' && e.event.Actor.Attributes?.name === 'only-on-b:1');
    expect(recorder.events.slice(from).some((e) => e.type === 'docker.event' && e.event.Actor.Attributes?.name === 'only-on-a:1')).toBe(false);

    // The stop started on A ends there: the task succeeds, and A's CLI sees the container exited.
    const done = await recorder.waitFor((e) => e.type === 'task.update' && e.task.id === task.id && e.task.state !== 'running', 20_000);
    expect(done.type === 'task.update' && done.task).toMatchObject({ state: 'succeeded', engine: 'engine-a' });
    expect((await a.cliOk(['inspect', '-f', '{{.State.Status}}', 'stubborn'])).stdout.trim()).toBe('exited');

    // Without alsoForCli the CLI keeps its context: config.json is byte for byte what it was.
    expect(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')).toBe(configBefore);
    expect((await cliOk(['context', 'show'])).trim()).toBe('engine-a');
    streams.closeAll();
    recorder.stop();
  }, 60_000);

  it('Wharf remembers the engine picked in it across a restart, though the CLI\'s current context is another; what the launch says still wins', async () => {
    await call(core, 'engines.use', { name: 'engine-b' });
    expect((await cliOk(['context', 'show'])).trim()).toBe('engine-a');
    const restart = (env: Record<string, string | undefined>): Core => makeCoreIn({ env: { DOCKER_CONFIG: configDir, ...env }, home: configDir });
    const again = restart({});
    const launched = restart({ DOCKER_CONTEXT: 'engine-a' });
    try {
      await Promise.all([again.start(), launched.start()]);
      expect((await call(again, 'engines.list')).using).toBe('engine-b');
      expect((await call(again, 'images.list', { filters: {}, all: false })).rows.map((r) => r.repository)).toContain('marker-b');
      expect((await call(launched, 'engines.list')).using).toBe('engine-a');
      // Only a name is kept, in Wharf's own settings, never a host.
      expect(JSON.parse(fs.readFileSync(path.join(configDir, '.config', 'wharf', 'engine.json'), 'utf8'))).toEqual({ engine: 'engine-b' });
    } finally {
      again.stop();
      launched.stop();
    }
  });

  it('"also for the docker CLI" makes it the CLI\'s current context, changing only currentContext in config.json', async () => {
    await call(core, 'engines.use', { name: 'engine-a', alsoForCli: true });
    expect((await cliOk(['context', 'show'])).trim()).toBe('engine-a');
    await call(core, 'engines.use', { name: 'engine-b', alsoForCli: true });
    expect((await cliOk(['context', 'show'])).trim()).toBe('engine-b');
    expect(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')).toBe('{\n\t"auths": {},\n\t"currentContext": "engine-b",\n\t"x-big": 12345678901234567890\n}\n');
    const list = await call(core, 'engines.list');
    expect(list.engines.find((e) => e.current)?.name).toBe('engine-b');
    expect(list.engines.map((e) => ({ Name: e.name, Description: e.description, DockerEndpoint: e.endpoint, Current: e.current }))).toEqual(await cliContexts());
    // The CLI goes on writing the file Wharf edited, as its own.
    await cliOk(['context', 'use', 'engine-a']);
    expect(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')).toContain('"currentContext": "engine-a"');
  }, 30_000);

  it('a rootless socket without a context is listed as found, usable, and saved as the context dockerd-rootless-setuptool.sh makes', async () => {
    const runtime = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-runtime-'));
    fs.symlinkSync(b.socketPath, path.join(runtime, 'docker.sock'));
    const other = makeCoreIn({ dockerHost: a.host, env: { DOCKER_CONFIG: configDir, XDG_RUNTIME_DIR: runtime }, home: configDir });
    try {
      await other.start();
      const found = (await call(other, 'engines.list')).engines.find((e) => e.name === 'rootless');
      expect(found).toMatchObject({ found: true, endpoint: `unix://${path.join(runtime, 'docker.sock')}`, kind: 'local', current: false });
      expect((await cliContexts()).map((c) => c.Name)).not.toContain('rootless');
      expect(await call(other, 'engines.use', { name: 'rootless' })).toMatchObject({ state: 'connected' });
      expect((await call(other, 'images.list', { filters: {}, all: false })).rows.map((r) => r.repository)).toContain('marker-b');
      await call(other, 'engines.create', { name: 'rootless', host: found?.endpoint ?? '' });
      expect((await cliContexts()).find((c) => c.Name === 'rootless')).toMatchObject({ DockerEndpoint: found?.endpoint });
      const saved = (await call(other, 'engines.list')).engines.filter((e) => e.name === 'rootless');
      expect(saved).toHaveLength(1);
      expect(saved[0]?.found).toBeUndefined();
    } finally {
      other.stop();
      await cli(['context', 'rm', '-f', 'rootless']);
      fs.rmSync(runtime, { recursive: true, force: true });
    }
  });
});
