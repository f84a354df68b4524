/**
 * `npm run bench`: containers.list on a remote engine, through web mode, against the docker CLI on the same
 * context in the same run — over ssh:// (the harness's sshd on 127.0.0.1, Wharf's pooled `ssh … docker system
 * dial-stdio`) and over tcp:// with TLS. The issue's budget: over ssh ≤ 1.3× `docker --context NAME ps -a`.
 * Ratios, never asserted.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { eachLimited } from '../src/main/core/concurrency';
import { startWebMode, type RunningWebMode } from '../test/e2e/support/web-mode';
import { startPrivateEngine, type PrivateEngine } from '../test/support/engine-harness';
import { run } from '../test/support/exec';
import { importBusybox } from '../test/support/fixtures';
import { freeLoopbackPort } from '../test/support/free-port';
import { defaultDockerCli } from '../test/support/preconditions';
import { startSshServer, type SshServer } from '../test/support/ssh-harness';
import { createThrowawayAccount, type ThrowawayAccount } from '../test/support/throwaway-account';
import { makeTlsMaterial, tlsDaemonArgs } from '../test/support/tls-certs';
import { engineRequest, median, untilConnected, wharfCall } from './bench-support';

const CONTAINERS = Number(process.env.WHARF_BENCH_REMOTE_CONTAINERS ?? 200);
const ROUNDS = Number(process.env.WHARF_BENCH_ROUNDS ?? 25);
const REPORT = join(__dirname, '../test-results/bench.md');

let engine: PrivateEngine;
let account: ThrowawayAccount;
let ssh: SshServer;
let dir: string;
let env: NodeJS.ProcessEnv;
let overSsh: RunningWebMode;
let overTls: RunningWebMode;

const cli = async (args: string[]): Promise<void> => {
  const r = await run(defaultDockerCli(), args, { env, timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wharf-bench-remote-'));
  account = createThrowawayAccount();
  const tls = await makeTlsMaterial(join(dir, 'certs'));
  const port = await freeLoopbackPort();
  engine = await startPrivateEngine({ name: 'bench-remote', socketGroup: account.group, extraArgs: tlsDaemonArgs(tls, port) });
  await importBusybox(engine);
  await eachLimited(Array.from({ length: CONTAINERS }, (_, i) => i), 16, new AbortController().signal, async (i) => {
    const r = await engineRequest(engine.socketPath, 'POST', `/v1.41/containers/create?name=remote-${i}`, { Image: 'busybox:latest', Cmd: ['true'] });
    if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  });
  ssh = await startSshServer({ engineSocket: engine.socketPath, dir: join(dir, 'sshd'), account });
  ssh.trustHostKey();
  env = { ...process.env, PATH: `${ssh.shimDir}:${process.env.PATH ?? ''}`, DOCKER_CONFIG: join(dir, 'docker-config'), DOCKER_CLI_HINTS: 'false' };
  delete env.DOCKER_HOST;
  await cli(['context', 'create', 'bench-ssh', '--docker', `host=ssh://${ssh.alias}`]);
  await cli(['context', 'create', 'bench-tls', '--docker', `host=tcp://127.0.0.1:${port},ca=${tls.ca},cert=${tls.clientCert},key=${tls.clientKey}`]);
  // Web mode started on each remote engine by its context, as a user who picked it would have it.
  overSsh = await startWebMode({ dockerHost: '', token: randomBytes(12).toString('hex'), env: { ...env, DOCKER_CONTEXT: 'bench-ssh' } });
  overTls = await startWebMode({ dockerHost: '', token: randomBytes(12).toString('hex'), env: { ...env, DOCKER_CONTEXT: 'bench-tls' } });
  await Promise.all([untilConnected(overSsh), untilConnected(overTls)]);
}, 600_000);

afterAll(async () => {
  await overSsh?.stop();
  await overTls?.stop();
  await ssh?.stop();
  await engine?.destroy();
  account?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 300_000);

it('containers.list over ssh:// and tcp+TLS vs `docker --context NAME ps -a`', async () => {
  const raw = await median(() => engineRequest(engine.socketPath, 'GET', '/v1.41/containers/json?all=1'), ROUNDS);
  const rows: string[] = [];
  for (const [name, web] of [
    ['bench-ssh', overSsh],
    ['bench-tls', overTls],
  ] as const) {
    const logins = ssh.acceptedLogins();
    const wharf = await median(() => wharfCall(web, 'containers.list', { all: true }), ROUNDS);
    const newLogins = ssh.acceptedLogins() - logins;
    const theirs = await median(() => cli(['--context', name, 'ps', '-a']), ROUNDS);
    rows.push(`| ${name === 'bench-ssh' ? `ssh:// (${newLogins} new ssh logins in ${ROUNDS + 1} lists)` : 'tcp:// + TLS'} | ${wharf.toFixed(2)} | ${theirs.toFixed(2)} | ${(wharf / theirs).toFixed(2)} | ${(wharf / raw).toFixed(2)} |`);
  }
  const lines = [
    '',
    `## remote engines — ${new Date().toISOString()}`,
    '',
    `A private engine with ${CONTAINERS} containers, reached over the harness's sshd on 127.0.0.1 and over tcp://127.0.0.1 with --tlsverify; median of ${ROUNDS} rounds. Raw GET /containers/json?all=1 on its local socket: ${raw.toFixed(2)} ms.`,
    '',
    '| transport | Wharf containers.list (web mode) ms | `docker --context NAME ps -a` ms | Wharf / CLI | Wharf / raw local |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ];
  mkdirSync(join(REPORT, '..'), { recursive: true });
  appendFileSync(REPORT, `${lines.join('\n')}\n`);
  console.log(`${lines.join('\n')}\n\nreport: ${REPORT}`);
}, 600_000);
