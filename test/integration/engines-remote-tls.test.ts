/**
 * A remote engine over TCP with TLS: a private dockerd listening on tcp://127.0.0.1:PORT with --tlsverify and
 * certificates the harness makes with openssl. A context Wharf creates with the CA and client certificate works in
 * the docker CLI; Wharf switched to it lists exactly what `docker --context NAME image ls` and `ps -a` list; a wrong
 * CA or a missing client certificate is a clear refusal within 10 s; the client key never reaches an answer or a log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { composeConfigDir } from '../support/compose-plugin';
import { run } from '../support/exec';
import { importBusybox, runContainer } from '../support/fixtures';
import { freeLoopbackPort } from '../support/free-port';
import { defaultDockerCli } from '../support/preconditions';
import { recordingLogger } from '../support/recording-logger';
import { makeTlsMaterial, tlsDaemonArgs, type TlsMaterial } from '../support/tls-certs';
import { call, makeCoreIn } from './make-core';

describe('a remote engine over tcp:// with TLS', () => {
  let local: PrivateEngine;
  let remote: PrivateEngine;
  let tls: TlsMaterial;
  let port: number;
  let configDir: string;
  let core: Core;
  const logger = recordingLogger();
  const answers: string[] = [];

  const cli = async (args: string[]): Promise<string> => {
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: configDir, DOCKER_CLI_HINTS: 'false' };
    for (const key of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS']) delete env[key];
    const result = await run(defaultDockerCli(), args, { env, timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`docker ${args.join(' ')}: exit ${result.code}: ${result.stderr}`);
    return result.stdout;
  };
  const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '').sort();
  /** Calls through the core and keeps every answer's JSON, to look for secrets in it afterwards. */
  const invoke = async (channel: string, input: unknown): Promise<unknown> => {
    const envelope = await core.invoke(channel, input);
    answers.push(JSON.stringify(envelope));
    return envelope;
  };

  beforeAll(async () => {
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-tls-contexts-'));
    tls = await makeTlsMaterial(path.join(configDir, 'certs'));
    composeConfigDir(configDir);
    port = await freeLoopbackPort();
    [local, remote] = await Promise.all([startPrivateEngine({ name: 'tls-local' }), startPrivateEngine({ name: 'tls-remote', extraArgs: tlsDaemonArgs(tls, port), daemonConfig: { 'registry-mirrors': ['https://mirror.example.test'] } })]);
    await importBusybox(remote, 'only-on-the-remote:1');
    await runContainer(remote, ['--name', 'remote-web', 'only-on-the-remote:1', 'sleep', '600']);
    await remote.cliOk(['create', '--name', 'remote-stopped', 'only-on-the-remote:1', 'true']);
    core = makeCoreIn({ dockerHost: local.host, env: { DOCKER_CONFIG: configDir }, home: configDir, logger });
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await Promise.all([local?.destroy(), remote?.destroy()]);
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  it('a context Wharf creates with the CA and client certificate works in the CLI', async () => {
    const made = (await invoke('engines.create', { name: 'tls-remote', description: 'TLS on loopback', host: `tcp://127.0.0.1:${port}`, tls: { ca: tls.ca, cert: tls.clientCert, key: tls.clientKey } })) as { ok: boolean; value: unknown };
    expect(made).toMatchObject({ ok: true, value: { name: 'tls-remote', kind: 'tcp', tls: true } });
    expect(lines(await cli(['--context', 'tls-remote', 'image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']))).toEqual(['only-on-the-remote:1']);
    const inspect = JSON.parse(await cli(['context', 'inspect', 'tls-remote'])) as Array<{ TLSMaterial?: { docker?: string[] } }>;
    expect(inspect[0]?.TLSMaterial?.docker?.sort()).toEqual(['ca.pem', 'cert.pem', 'key.pem']);
    expect(await invoke('engines.probe', { name: 'tls-remote' })).toMatchObject({ ok: true, value: { state: 'connected' } });
  });

  it('switched to it, images.list and containers.list equal `docker --context tls-remote image ls` and `ps -a`', async () => {
    expect(await invoke('engines.use', { name: 'tls-remote' })).toMatchObject({ ok: true, value: { state: 'connected', endpoint: { host: `tcp://127.0.0.1:${port}` } } });
    const images = await call(core, 'images.list', { filters: {}, all: true });
    const cliImages = await cli(['--context', 'tls-remote', 'image', 'ls', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}']);
    expect(images.rows.map((r) => `${r.id} ${r.repository}:${r.tag}`).sort()).toEqual(lines(cliImages));
    const containers = await call(core, 'containers.list', { all: true });
    const cliContainers = await cli(['--context', 'tls-remote', 'ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.Image}} {{.State}}']);
    expect(containers.rows.map((r) => `${r.id} ${r.name} ${r.image} ${r.state}`).sort()).toEqual(lines(cliContainers));
    expect(containers.rows.map((r) => r.name).sort()).toEqual(['remote-stopped', 'remote-web']);
  });

  it('compose runs on the engine switched to (through its context and TLS): up, ps and down there, nothing on this one', async () => {
    const at = path.join(configDir, 'far');
    fs.mkdirSync(at, { recursive: true });
    fs.writeFileSync(path.join(at, 'compose.yaml'), 'services:\n  svc:\n    image: only-on-the-remote:1\n    command: ["sleep", "600"]\n    init: true\n    stop_grace_period: 1s\n');
    const up = (await call(core, 'compose.up', { files: [path.join(at, 'compose.yaml')], workingDir: at })) as { id: string };
    expect((await core.tasks.settled(up.id)).state).toBe('succeeded');
    const cliPs = JSON.parse(await cli(['--context', 'tls-remote', 'compose', '-p', 'far', 'ps', '-a', '--format', 'json'])) as { Name: string; State: string };
    expect(cliPs).toMatchObject({ Name: 'far-svc-1', State: 'running' });
    expect((await call(core, 'compose.ps', { project: 'far' })).containers.map((c) => [c.name, c.state])).toEqual([['far-svc-1', 'running']]);
    expect((await local.cliOk(['ps', '-aq', '--filter', 'label=com.docker.compose.project=far'])).stdout.trim()).toBe('');
    const down = (await call(core, 'compose.down', { project: 'far', volumes: false, images: 'none' })) as { id: string };
    expect((await core.tasks.settled(down.id)).state).toBe('succeeded');
    expect((await cli(['--context', 'tls-remote', 'ps', '-aq', '--filter', 'label=com.docker.compose.project=far'])).trim()).toBe('');
  }, 120_000);

  it('the remote engine\'s mirrors are shown as its docker info says, its daemon.json is not touched from here; setup checks that host, not this one', async () => {
    const state = await call(core, 'registryMirrors.read');
    const theirs = JSON.parse(await cli(['--context', 'tls-remote', 'info', '--format', '{{json .RegistryConfig.Mirrors}}'])) as string[];
    // As everywhere on the page, a mirror is shown without the slash the engine appends.
    expect(state).toMatchObject({ remote: { host: `tcp://127.0.0.1:${port}` }, path: '', inEffect: { registryMirrors: theirs.map((m) => m.replace(/\/$/, '')) } });
    expect(theirs).toEqual(['https://mirror.example.test/']);
    expect(await core.invoke('registryMirrors.plan', { registryMirrors: [], insecureRegistries: [] })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const diagnosis = await call(core, 'setup.diagnose');
    expect(diagnosis.checks.map((c) => [c.id, c.status])).toEqual([['connect', 'ok'], ['endpoint', 'info'], ['remote', 'ok'], ['compose', 'ok']]);
    expect(diagnosis.checks.some((c) => c.fix !== undefined)).toBe(false);
  });

  it('a wrong CA, or no client certificate, is refused clearly and quickly; the CLI agrees', async () => {
    await invoke('engines.create', { name: 'tls-wrong-ca', host: `tcp://127.0.0.1:${port}`, tls: { ca: tls.otherCa, cert: tls.clientCert, key: tls.clientKey } });
    await invoke('engines.create', { name: 'tls-no-client-cert', host: `tcp://127.0.0.1:${port}`, tls: { ca: tls.ca } });
    for (const name of ['tls-wrong-ca', 'tls-no-client-cert']) {
      const started = Date.now();
      const probe = (await invoke('engines.probe', { name })) as { ok: true; value: { state: string; detail?: string } };
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(probe.value.state).toBe('unreachable');
      expect(probe.value.detail).toMatch(name === 'tls-wrong-ca' ? /certificate/i : /certificate|handshake|socket hang up|ECONNRESET|EPIPE/i);
      const theirs = await run(defaultDockerCli(), ['--context', name, 'version'], { env: { ...process.env, DOCKER_CONFIG: configDir, DOCKER_HOST: '' }, timeoutMs: 30_000 });
      expect(theirs.code).not.toBe(0);
    }
  });

  it('the client key is in the context\'s TLS store (0600) and nowhere in an answer or a log line', async () => {
    const key = fs.readFileSync(tls.clientKey, 'utf8');
    const body = key.split('\n').find((l) => l.length > 40) ?? key;
    await invoke('engines.list', {});
    await invoke('app.diagnostics', {});
    await invoke('engines.create', { name: 'tls-bad-key', host: `tcp://127.0.0.1:${port}`, tls: { ca: tls.ca, cert: tls.clientCert, key: tls.ca } });
    for (const answer of answers) expect(answer).not.toContain(body);
    expect(JSON.stringify(logger.lines)).not.toContain(body);
    const stored = fs.readdirSync(path.join(configDir, 'contexts', 'tls')).map((d) => path.join(configDir, 'contexts', 'tls', d, 'docker', 'key.pem')).filter((p) => fs.existsSync(p));
    expect(stored.length).toBeGreaterThan(0);
    for (const file of stored) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
