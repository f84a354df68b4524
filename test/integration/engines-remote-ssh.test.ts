/**
 * A remote engine over ssh://, against a real OpenSSH server on 127.0.0.1 (the harness's sshd, its own host key, a
 * throwaway user whose DOCKER_HOST is a private engine). Wharf runs the user's ssh like the docker CLI does (`docker
 * system dial-stdio`), so ~/.ssh/config's alias, key and known_hosts apply — here the harness's, through an `ssh`
 * shim on PATH that both Wharf and the CLI oracle use. An unknown host key is shown with its fingerprint and
 * trusted only when asked; a changed one is refused; a wrong key says authentication failed; lists equal
 * `docker --context NAME image ls` / `ps -a`; one ssh connection serves many lists; a remote engine that goes away
 * is reported while the local one keeps working.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { EngineProbe } from '../../src/shared/engines';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { run } from '../support/exec';
import { importBusybox, runContainer } from '../support/fixtures';
import { defaultDockerCli } from '../support/preconditions';
import { startSshServer, type SshServer } from '../support/ssh-harness';
import { createThrowawayAccount, type ThrowawayAccount } from '../support/throwaway-account';
import { call, makeCoreIn } from './make-core';

describe('a remote engine over ssh://, through the user\'s ssh', () => {
  let local: PrivateEngine;
  let remote: PrivateEngine;
  let account: ThrowawayAccount;
  let ssh: SshServer;
  let dir: string;
  let configDir: string;
  let env: Record<string, string | undefined>;
  let core: Core;

  const cli = async (args: string[]): Promise<string> => {
    const result = await run(defaultDockerCli(), args, { env: { ...process.env, ...env, DOCKER_CLI_HINTS: 'false', DOCKER_HOST: '' } as NodeJS.ProcessEnv, timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`docker ${args.join(' ')}: exit ${result.code}: ${result.stderr}`);
    return result.stdout;
  };
  const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '').sort();
  const probe = (name: string): Promise<EngineProbe> => call(core, 'engines.probe', { name });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-ssh-'));
    configDir = path.join(dir, 'docker-config');
    account = createThrowawayAccount();
    [local, remote] = await Promise.all([startPrivateEngine({ name: 'ssh-local' }), startPrivateEngine({ name: 'ssh-remote', socketGroup: account.group })]);
    ssh = await startSshServer({ engineSocket: remote.socketPath, dir: path.join(dir, 'sshd'), account });
    await importBusybox(remote, 'only-over-ssh:1');
    await runContainer(remote, ['--name', 'ssh-web', 'only-over-ssh:1', 'sleep', '600']);
    await remote.cliOk(['create', '--name', 'ssh-stopped', 'only-over-ssh:1', 'true']);
    env = { PATH: `${ssh.shimDir}:${process.env.PATH ?? ''}`, DOCKER_CONFIG: configDir, HOME: dir };
    core = makeCoreIn({ dockerHost: local.host, env, home: dir });
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await ssh?.stop();
    await Promise.all([local?.destroy(), remote?.destroy()]);
    account?.remove();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an unknown host key is shown with its fingerprint and never accepted by itself; trusted when asked, the engine answers', async () => {
    await call(core, 'engines.create', { name: 'over-ssh', description: 'the harness sshd', host: `ssh://${ssh.alias}` });
    const first = await probe('over-ssh');
    expect(first.state).toBe('unreachable');
    expect(first.unknownHostKey?.host).toBe(`[127.0.0.1]:${ssh.port}`);
    const fingerprint = await ssh.fingerprint();
    expect(first.unknownHostKey?.fingerprints).toEqual([`${fingerprint} (ED25519)`]);
    expect(fs.readFileSync(ssh.knownHosts, 'utf8')).toBe('');
    // The CLI refuses it too: nothing was trusted behind the user's back.
    await expect(cli(['--context', 'over-ssh', 'version'])).rejects.toThrow(/Host key verification failed/);

    const wrong = await core.invoke('engines.trustHostKey', { name: 'over-ssh', fingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const trusted = await call(core, 'engines.trustHostKey', { name: 'over-ssh', fingerprint });
    expect(trusted).toMatchObject({ state: 'connected' });
    expect(fs.readFileSync(ssh.knownHosts, 'utf8')).toBe(`${ssh.hostKeyLine()}\n`);
    expect(lines(await cli(['--context', 'over-ssh', 'image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']))).toEqual(['only-over-ssh:1']);
  });

  it('switched to it, images.list and containers.list equal `docker --context over-ssh image ls -a` and `ps -a`, over one ssh connection', async () => {
    expect(await call(core, 'engines.use', { name: 'over-ssh' })).toMatchObject({ state: 'connected', endpoint: { host: `ssh://${ssh.alias}` } });
    const images = await call(core, 'images.list', { filters: {}, all: true });
    expect(images.rows.map((r) => `${r.id} ${r.repository}:${r.tag}`).sort()).toEqual(lines(await cli(['--context', 'over-ssh', 'image', 'ls', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}'])));
    const containers = await call(core, 'containers.list', { all: true });
    expect(containers.rows.map((r) => `${r.id} ${r.name} ${r.image} ${r.state}`).sort()).toEqual(
      lines(await cli(['--context', 'over-ssh', 'ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.Image}} {{.State}}'])),
    );
    // Ten more lists, one after another: the pooled connection serves them all (no new ssh login each).
    const before = ssh.acceptedLogins();
    for (let i = 0; i < 10; i++) await call(core, 'containers.list', { all: true });
    expect(ssh.acceptedLogins() - before).toBeLessThanOrEqual(1);
  });

  it('a key the host does not accept says authentication failed, within 10 s', async () => {
    await call(core, 'engines.create', { name: 'ssh-wrong-key', host: `ssh://${ssh.wrongKeyAlias}` });
    const started = Date.now();
    const answer = await probe('ssh-wrong-key');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(answer).toMatchObject({ state: 'unreachable', authenticationFailed: true });
    expect(answer.detail).toMatch(/Permission denied/);
  });

  it('a host whose key changed is refused, and Wharf will not trust the new key over the old', async () => {
    await call(core, 'engines.use', { name: 'default' });
    await ssh.replaceHostKey();
    const answer = await probe('over-ssh');
    expect(answer).toMatchObject({ state: 'unreachable', changedHostKey: true });
    const refused = await core.invoke('engines.trustHostKey', { name: 'over-ssh', fingerprint: await ssh.fingerprint() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', details: { hostKeyChanged: true } } });
    expect(fs.readFileSync(ssh.knownHosts, 'utf8').trim().split('\n')).toHaveLength(1);
    // Put the host back as known for what follows.
    fs.writeFileSync(ssh.knownHosts, `${ssh.hostKeyLine()}\n`);
  });

  it('a remote engine that goes away is reported; switching back, the local engine keeps working', async () => {
    await call(core, 'engines.use', { name: 'over-ssh' });
    await remote.stop();
    const gone = await core.invoke('containers.list', { all: true });
    expect(gone).toMatchObject({ ok: false });
    await expect.poll(async () => (await call(core, 'engine.status')).state, { timeout: 15_000 }).not.toBe('connected');
    expect(await call(core, 'engines.use', { name: 'default' })).toMatchObject({ state: 'connected' });
    expect((await call(core, 'images.list', { filters: {}, all: false })).rows).toEqual([]);
    await remote.start();
  }, 60_000);
});
