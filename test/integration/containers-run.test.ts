/**
 * The Run dialog: containers.run creates the container that `docker run` creates from the same command line, written
 * out in each test (never taken from Wharf); the command the dialog shows must equal it. Both containers' full
 * `docker inspect` are compared, minus what differs between any two containers made from one command line.
 * Invalid specs are refused field by field with nothing created.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { EMPTY_RUN_SPEC, type RunSpec } from '../../src/shared/container-run';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox } from '../support/fixtures';
import { freeLoopbackPort } from '../support/free-port';
import { call, makeCore } from './make-core';

interface Binding {
  HostIp: string;
  HostPort: string;
}

/** `docker inspect` of a container: the parts this test reads or normalizes are typed, the rest is compared as is. */
interface Inspect {
  Id: string;
  Name: string;
  Created?: string;
  Config: Record<string, unknown> & { Env?: string[] | null };
  HostConfig: Record<string, unknown> & { PortBindings?: Record<string, Binding[] | null> | null };
  State: Record<string, unknown> & { Status: string; Running: boolean; Error?: string; StartedAt?: string; FinishedAt?: string; Pid?: number };
  GraphDriver: Record<string, unknown> & { Data?: unknown };
  NetworkSettings: Record<string, unknown> & { Ports?: Record<string, Binding[] | null> | null; Networks?: Record<string, Record<string, unknown>> | null };
  Mounts: Array<{ Type: string; Name?: string; Source: string; Destination: string; RW: boolean }>;
}

/** What the engine allocates to each container's network endpoint, in NetworkSettings and in each of its Networks. */
const ADDRESS_KEYS = ['SandboxID', 'SandboxKey', 'EndpointID', 'IPAddress', 'Gateway', 'MacAddress'];

/**
 * The whole inspect, minus what differs between two containers created from the same command line. Everything
 * else (Tty, User, Privileged, LogConfig, every HostConfig default…) must be equal.
 */
function comparable(raw: Inspect): unknown {
  const c = structuredClone(raw);
  // When it was created and started, and as which process.
  delete c.Created;
  delete c.State.StartedAt;
  delete c.State.FinishedAt;
  delete c.State.Pid;
  // The paths of the container's own layer, named after a random layer id.
  delete c.GraphDriver.Data;
  // The sandbox, endpoint and addresses the engine allocates.
  for (const settings of [c.NetworkSettings, ...Object.values(c.NetworkSettings.Networks ?? {})]) for (const key of ADDRESS_KEYS) delete settings[key];
  // A blank host port is the engine's random pick; a port the command names must be the same.
  const fixed = new Set(Object.values(c.HostConfig.PortBindings ?? {}).flatMap((b) => (b ?? []).map((x) => x.HostPort)).filter((p) => p !== ''));
  for (const bindings of Object.values(c.NetworkSettings.Ports ?? {})) for (const b of bindings ?? []) if (!fixed.has(b.HostPort)) b.HostPort = '<random>';
  // Lists the CLI sends empty and the API lets be left out (Dns, Devices, Ulimits, Blkio…): [] and null both mean none.
  for (const [key, value] of Object.entries(c.HostConfig)) if (Array.isArray(value) && value.length === 0) c.HostConfig[key] = null;
  // The CLI passes -e through a map: its order varies from run to run.
  c.Config.Env = [...(c.Config.Env ?? [])].sort();
  // So does the order of -v binds (seen in CI: the same command line gave them in either order); the engine orders
  // the mounts itself.
  if (Array.isArray(c.HostConfig.Binds)) c.HostConfig.Binds = [...(c.HostConfig.Binds as string[])].sort();
  // The engine lists mounts from a map, in no fixed order.
  c.Mounts.sort((x, y) => x.Destination.localeCompare(y.Destination));
  // The id (and the 12-digit short id: hostname, aliases, DNS names, paths of its files), the name, anonymous volumes' names.
  const anonymous = c.Mounts.filter((m) => m.Type === 'volume' && /^[0-9a-f]{64}$/.test(m.Name ?? '')).map((m) => m.Name ?? '');
  const placeholders: Array<[string, string]> = [[c.Id, '<id>'], [c.Id.slice(0, 12), '<short-id>'], ...anonymous.map((n): [string, string] => [n, '<anonymous>']), [c.Name.replace(/^\//, ''), '<name>']];
  let text = JSON.stringify(c);
  for (const [value, placeholder] of placeholders) text = text.replaceAll(value, placeholder);
  return JSON.parse(text);
}

describe('containers.run equals docker run with the same command line', () => {
  let engine: PrivateEngine;
  let core: Core;
  let work: string;

  const inspect = async (name: string): Promise<Inspect> => JSON.parse((await engine.cliOk(['inspect', name])).stdout)[0] as Inspect;
  const names = async (): Promise<string> => (await engine.cliOk(['ps', '-a', '--format', '{{.Names}}'])).stdout.split('\n').sort().join(',');

  /**
   * The dialog shows `docker` + cliArgv (with its own container name); the core creates `ours-…`, the CLI runs
   * cliArgv (`cli-…`); their inspects must be equal (after `differs` takes out a known difference). Returns ours. A host port can be bound by one container at a
   * time, so when the spec names one, ours is inspected and removed before the CLI's runs.
   */
  async function both(spec: RunSpec, cliArgv: string[], differs: (cli: Inspect) => void = () => undefined): Promise<Inspect> {
    const cliName = cliArgv[cliArgv.indexOf('--name') + 1] ?? '';
    const plan = await call(core, 'containers.runPlan', { spec });
    expect(plan.problems).toEqual([]);
    expect(plan.argv).toEqual(['docker', ...cliArgv.map((a) => (a === cliName ? spec.name : a))]);
    const { id } = await call(core, 'containers.run', { spec });
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const ours = await inspect(spec.name);
    if (spec.start && spec.ports.some((p) => p.hostPort !== '')) await engine.cliOk(['rm', '-f', spec.name]);
    await engine.cliOk(cliArgv);
    const cli = await inspect(cliName);
    differs(cli);
    expect(comparable(ours)).toEqual(comparable(cli));
    return ours;
  }

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'containers-run' });
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine);
    await engine.cliOk(['network', 'create', 'ctr-net']);
    work = fs.mkdtempSync(path.join(engine.dir, 'run-'));
    fs.writeFileSync(path.join(work, 'app.env'), '# settings\nFROM_FILE=1\n\n  SPACED=a b \nEMPTY=\n');
  }, 300_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('every field of the form: ports, mounts, env and env file, restart, network, labels, limits, entrypoint', async () => {
    const spec: RunSpec = {
      ...EMPTY_RUN_SPEC,
      image: 'busybox',
      name: 'ours-full',
      entrypoint: '/bin/sh',
      command: `-c 'trap "exit 0" TERM; sleep 600 & wait'`,
      ports: [
        { hostIp: '127.0.0.1', hostPort: '', containerPort: '8080', protocol: 'tcp' },
        { hostIp: '', hostPort: '', containerPort: '53', protocol: 'udp' },
      ],
      volumes: [
        { source: work, target: '/host', readOnly: true },
        { source: 'ctr-data', target: '/data', readOnly: false },
        { source: '', target: '/cache', readOnly: false },
      ],
      env: ['A=1', 'B=two words', 'C=x=y'],
      envFile: path.join(work, 'app.env'),
      restart: 'on-failure',
      restartRetries: '3',
      network: 'ctr-net',
      labels: ['team=web', 'flag'],
      memory: '64m',
      cpus: '0.5',
    };
    const ours = await both(spec, [
      'run', '-d', '--name', 'cli-full',
      '-p', '127.0.0.1::8080/tcp', '-p', '53/udp',
      '-v', `${work}:/host:ro`, '-v', 'ctr-data:/data', '-v', '/cache',
      '--env-file', path.join(work, 'app.env'), '-e', 'A=1', '-e', 'B=two words', '-e', 'C=x=y',
      '--restart', 'on-failure:3', '--network', 'ctr-net', '-l', 'team=web', '-l', 'flag', '-m', '64m', '--cpus', '0.5',
      '--entrypoint', '/bin/sh', 'busybox', '-c', 'trap "exit 0" TERM; sleep 600 & wait',
    ]);
    expect(ours.State.Running).toBe(true);
    expect(ours.Config.Env).toEqual(expect.arrayContaining(['FROM_FILE=1', 'SPACED=a b ', 'EMPTY=', 'A=1', 'B=two words', 'C=x=y']));
    expect(ours.HostConfig).toMatchObject({ Memory: 64 * 1024 * 1024, NanoCpus: 500_000_000, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 } });
  });

  it('the defaults, auto-remove and create-only (docker create --rm)', async () => {
    const ours = await both({ ...EMPTY_RUN_SPEC, image: 'busybox', name: 'ours-min', command: 'sleep 600', autoRemove: true, start: false }, ['create', '--name', 'cli-min', '--rm', 'busybox', 'sleep', '600'], (cli) => {
      // A known difference, reported on issue 14: `docker create` sets AttachStdout/AttachStderr (for a later
      // `docker start -a`), containers.run leaves them false. Asserted, so a change on either side is seen.
      expect([cli.Config.AttachStdout, cli.Config.AttachStderr]).toEqual([true, true]);
      cli.Config.AttachStdout = false;
      cli.Config.AttachStderr = false;
    });
    expect(ours.State.Running).toBe(false);
    expect(ours.HostConfig.AutoRemove).toBe(true);
  });

  it('a port on one host address is bound on that address only (a lost address would bind 0.0.0.0)', async () => {
    const port = await freeLoopbackPort();
    const spec: RunSpec = { ...EMPTY_RUN_SPEC, image: 'busybox', name: 'ours-hostip', command: 'sleep 600', ports: [{ hostIp: '127.0.0.1', hostPort: String(port), containerPort: '80', protocol: 'tcp' }] };
    const ours = await both(spec, ['run', '-d', '--name', 'cli-hostip', '-p', `127.0.0.1:${port}:80/tcp`, 'busybox', 'sleep', '600']);
    expect(ours.NetworkSettings.Ports).toEqual({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] });
  });

  it('restart=always', async () => {
    const ours = await both({ ...EMPTY_RUN_SPEC, image: 'busybox', name: 'ours-always', command: 'sleep 600', restart: 'always' }, ['run', '-d', '--name', 'cli-always', '--restart', 'always', 'busybox', 'sleep', '600']);
    expect(ours.HostConfig.RestartPolicy).toEqual({ Name: 'always', MaximumRetryCount: 0 });
  });

  it('a host port already taken: the engine refuses to start it and the container stays created, as `docker run` leaves it', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve, reject) => taken.once('error', reject).listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const spec: RunSpec = { ...EMPTY_RUN_SPEC, image: 'busybox', name: 'ours-taken', command: 'sleep 600', ports: [{ hostIp: '127.0.0.1', hostPort: String(port), containerPort: '80', protocol: 'tcp' }] };
      const cliArgv = ['run', '-d', '--name', 'cli-taken', '-p', `127.0.0.1:${port}:80/tcp`, 'busybox', 'sleep', '600'];
      // Only the engine knows the port is in use: the plan has nothing to say.
      const plan = await call(core, 'containers.runPlan', { spec });
      expect(plan.problems).toEqual([]);
      expect(plan.argv).toEqual(['docker', ...cliArgv.map((a) => (a === 'cli-taken' ? 'ours-taken' : a))]);
      const refused = await core.invoke('containers.run', { spec });
      const cli = await engine.cli(cliArgv);
      expect(cli.code).not.toBe(0);
      expect(cli.stderr).toContain('address already in use');
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('failed');
        expect(refused.error.message).toMatch(/^created [0-9a-f]{12} but it did not start: .*address already in use/);
      }
      const [ours, theirs] = [await inspect('ours-taken'), await inspect('cli-taken')];
      expect(ours.State).toMatchObject({ Status: 'created', Running: false });
      expect(ours.State.Error).toContain('address already in use');
      expect(theirs.State.Error).toContain('address already in use');
      // The engine's message names the endpoint (a random id) of each container.
      delete ours.State.Error;
      delete theirs.State.Error;
      expect(comparable(ours)).toEqual(comparable(theirs));
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('invalid entries are explained field by field and nothing is created', async () => {
    const before = await names();
    const spec: RunSpec = {
      ...EMPTY_RUN_SPEC,
      image: 'busybox',
      name: '-bad',
      command: 'sh -c "unclosed',
      ports: [{ hostIp: '1.2.3', hostPort: '70000', containerPort: '', protocol: 'tcp' }],
      volumes: [{ source: 'data', target: 'relative', readOnly: false }],
      env: ['NOVALUE'],
      envFile: 'relative.env',
      restart: 'always',
      autoRemove: true,
      memory: '1k',
      cpus: 'lots',
    };
    const plan = await call(core, 'containers.runPlan', { spec });
    expect(plan.problems.map((p) => `${p.field}:${p.key}`).sort()).toEqual(
      [
        'name:name',
        'command:unclosedQuote',
        'ports.0.hostIp:hostIp',
        'ports.0.hostPort:port',
        'ports.0.containerPort:required',
        'volumes.0.target:required'.replace('required', 'mountTarget'),
        'env.0:envNoValue',
        'envFile:absolutePath',
        'restart:restartWithRm',
        'memory:memoryMin',
        'cpus:cpus',
      ].sort(),
    );
    const refused = await core.invoke('containers.run', { spec });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid-input');
    expect(await names()).toBe(before);
  });

  it('what only the engine knows: a missing image (never pulled), a taken name, an unknown network, an unreadable env file', async () => {
    const before = await names();
    const missing = await core.invoke('containers.run', { spec: { ...EMPTY_RUN_SPEC, image: 'nowhere/nothing:1' } });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('not-found');
      expect(missing.error.message).toContain('nowhere/nothing:1');
      expect(missing.error.message).toContain('docker pull');
    }
    const plan = await call(core, 'containers.runPlan', {
      spec: { ...EMPTY_RUN_SPEC, image: 'busybox', name: 'ours-full', network: 'no-such-net', envFile: path.join(work, 'absent.env') },
    });
    expect(plan.problems.map((p) => `${p.field}:${p.key}`).sort()).toEqual(['envFile:envFileUnreadable', 'name:nameTaken', 'network:networkMissing']);
    expect(await names()).toBe(before);
    expect((await engine.cliOk(['image', 'ls', '--format', '{{.Repository}}'])).stdout).not.toContain('nowhere');
  });
});
