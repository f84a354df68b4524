/**
 * The Run dialog: containers.run creates the container that `docker run` with the command runPlan shows creates
 * (inspect both, compare what matters), and invalid specs are refused field by field with nothing created.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { EMPTY_RUN_SPEC, type RunSpec } from '../../src/shared/container-run';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox } from '../support/fixtures';
import { call, makeCore } from './make-core';

interface Inspect {
  Config: Record<string, unknown>;
  HostConfig: Record<string, unknown> & { Binds?: string[] | null };
  Mounts: Array<{ Type: string; Name?: string; Source: string; Destination: string; RW: boolean }>;
  State: { Running: boolean };
}

/** The fields of a container's configuration that the dialog sets. */
function essentials(i: Inspect): Record<string, unknown> {
  const c = i.Config;
  const h = i.HostConfig;
  return {
    Image: c.Image,
    Cmd: c.Cmd,
    Entrypoint: c.Entrypoint,
    // The CLI passes -e through a map (its order varies from run to run); only the set is comparable.
    Env: [...((c.Env as string[] | null) ?? [])].sort(),
    ExposedPorts: c.ExposedPorts,
    Labels: c.Labels,
    Volumes: c.Volumes,
    PortBindings: h.PortBindings,
    Binds: [...(h.Binds ?? [])].sort(),
    Mounts: i.Mounts.map((m) => [m.Type, m.Type === 'volume' && !/^[0-9a-f]{64}$/.test(m.Name ?? '') ? m.Name : '', m.Type === 'bind' ? m.Source : '', m.Destination, m.RW].join('|')).sort(),
    RestartPolicy: h.RestartPolicy,
    Memory: h.Memory,
    NanoCpus: h.NanoCpus,
    AutoRemove: h.AutoRemove,
    NetworkMode: h.NetworkMode,
    Running: i.State.Running,
  };
}

describe('containers.run equals docker run with the shown command', () => {
  let engine: PrivateEngine;
  let core: Core;
  let work: string;

  const inspect = async (name: string): Promise<Inspect> => JSON.parse((await engine.cliOk(['inspect', name])).stdout)[0] as Inspect;
  const names = async (): Promise<string> => (await engine.cliOk(['ps', '-a', '--format', '{{.Names}}'])).stdout.split('\n').sort().join(',');

  /** Creates the spec through the core as `ours-…` and through the CLI with the shown argv as `cli-…`; both inspected. */
  async function both(spec: RunSpec): Promise<[Record<string, unknown>, Record<string, unknown>]> {
    const plan = await call(core, 'containers.runPlan', { spec });
    expect(plan.problems).toEqual([]);
    const at = plan.argv.indexOf('--name');
    expect(plan.argv[at + 1]).toBe(spec.name);
    const cliName = spec.name.replace(/^ours-/, 'cli-');
    const argv = plan.argv.map((a, i) => (i === at + 1 ? cliName : a));
    expect(argv[0]).toBe('docker');
    const { id } = await call(core, 'containers.run', { spec });
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    await engine.cliOk(argv.slice(1));
    return [essentials(await inspect(spec.name)), essentials(await inspect(cliName))];
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
    const [ours, cli] = await both(spec);
    expect(ours).toEqual(cli);
    expect(ours.Running).toBe(true);
    expect(ours.Env).toEqual(expect.arrayContaining(['FROM_FILE=1', 'SPACED=a b ', 'EMPTY=', 'A=1', 'B=two words', 'C=x=y']));
    expect(ours.Memory).toBe(64 * 1024 * 1024);
    expect(ours.NanoCpus).toBe(500_000_000);
  });

  it('the defaults, auto-remove and create-only (docker create --rm)', async () => {
    const [ours, cli] = await both({ ...EMPTY_RUN_SPEC, image: 'busybox', name: 'ours-min', command: 'sleep 600', autoRemove: true, start: false });
    expect(ours).toEqual(cli);
    expect(ours.Running).toBe(false);
    expect(ours.AutoRemove).toBe(true);
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
