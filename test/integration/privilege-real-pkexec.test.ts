/**
 * Every privileged action of the desktop through the real pieces: Debian's setuid pkexec, invoked by a throwaway
 * user (setpriv to that user, then /usr/bin/pkexec), decided by a real polkitd whose rules the test writes, on the
 * harness's private dockerd. Wharf's core (in this root test process, acting for that user as the OS knows them) runs
 * its pkexec runner against that pkexec.
 * - polkit says yes: adding the user to the socket's group, starting the engine, and applying a registry mirror take
 *   effect (`getent group`, `docker version`, `docker info`), each with exactly one polkit check — one prompt.
 * - polkit says no, or nobody can ask (no agent), or the agent's prompt gets end of input: each action fails with
 *   the sentence the user reads, in English and Chinese, and nothing changed (/etc/group's line and daemon.json's bytes).
 * - Wharf's policy file is loaded by polkitd, and pkexec of the helper at the path it names is checked under
 *   Wharf's own action id; the helper refuses arguments outside its verbs, with exit codes Wharf translates.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createDockerodeClient } from '../../src/main/core/engine/docker-client';
import { createPkexecRunner } from '../../src/main/core/privilege/pkexec-runner';
import type { PrivilegeRunner } from '../../src/main/core/privilege/privilege-runner';
import { INSTALLED_HELPER_PATH } from '../../src/main/core/privilege/root-helper-path';
import { helperAnswer } from '../../src/main/core/registry-mirrors/root-helper';
import { joinGroupError } from '../../src/main/core/setup/join-group';
import type { ServiceController } from '../../src/main/core/setup/service-controller';
import type { WharfErrorInfo } from '../../src/shared/errors';
import type { FixId } from '../../src/shared/setup';
import { errorMessage } from '../../src/renderer/src/i18n/messages';
import { probe } from '../support/http-probe';
import { isProcessAlive } from '../support/processes';
import { osIdentityOf } from '../support/os-identity';
import { startPolkitHarness, type PolkitHarness } from '../support/polkit-harness';
import { harnessController } from '../support/registry-mirrors-core';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { createThrowawayAccount, type ThrowawayAccount } from '../support/throwaway-account';
import { makeTranslators, type Language } from '../support/translators';
import { call } from './make-core';

const RESOURCES = path.join(__dirname, '../../resources');
const ACTION = 'io.github.wharf.root-helper';
const EXEC_ACTION = 'org.freedesktop.policykit.exec';
const MIRROR = 'https://docker.m.daocloud.io';

/** What the user reads under a refused action: the oracle is written here, not taken from the catalogs. */
const READS: Record<'not-authorized' | 'no-agent', Record<Language, string>> = {
  'not-authorized': {
    en: 'Not authorized: polkit refused this action for your user. Nothing was changed.',
    'zh-CN': '未获授权：polkit 拒绝了你的用户执行此操作。没有做任何更改。',
  },
  'no-agent': {
    en: 'No polkit authentication agent is running in this session (for example over SSH), so the password could not be asked. Nothing was changed; run the commands as root yourself.',
    'zh-CN': '当前会话中没有运行 polkit 身份验证代理（例如通过 SSH 登录），无法询问密码。没有做任何更改；请自行以 root 身份运行这些命令。',
  },
};

function groupLine(group: string): string {
  return fs.readFileSync('/etc/group', 'utf8').split('\n').find((line) => line.startsWith(`${group}:`)) ?? '';
}

function groupMembers(group: string): string[] {
  return (execFileSync('/usr/bin/getent', ['group', group]).toString().trim().split(':')[3] ?? '').split(',').filter((m) => m !== '');
}

async function engineAnswers(engine: PrivateEngine): Promise<boolean> {
  return (await probe({ socketPath: engine.socketPath, path: '/_ping' }, 1_000))?.status === 200;
}

async function until(what: string, ready: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The private engine's "service": a root-owned script that starts its dockerd (argv as it runs now) detached, as a
 * service manager would — run as root through the fix's privilege runner, one pkexec call (root's file, 0755). The harness's destroy()
 * ends that dockerd with everything else in the engine's folder.
 */
function pkexecServiceController(engine: PrivateEngine, dir: string): ServiceController {
  const argv = fs.readFileSync(`/proc/${engine.pid ?? 0}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
  // pkexec reads the program's path as its caller, the throwaway user: not in the engine's private folder.
  const script = path.join(dir, 'start-engine');
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  fs.writeFileSync(script, `#!/bin/sh\nexec /usr/bin/setsid -f ${quoted} </dev/null >>'${path.join(engine.dir, 'dockerd.log')}' 2>&1\n`, { mode: 0o755 });
  return {
    describe: () => [[script]],
    start: async (runner: PrivilegeRunner) => {
      await runner.run({ binary: script, args: [] });
      await until('the private engine answering', () => engineAnswers(engine));
    },
  };
}

/** The dockerd serving the engine's socket now (started by the harness or through pkexec), by its pidfile. */
function dockerdPid(engine: PrivateEngine): number {
  return Number(fs.readFileSync(path.join(engine.dir, 'docker.pid'), 'utf8').trim());
}

describe('privileged actions through real pkexec and polkit', () => {
  let account: ThrowawayAccount;
  let polkit: PolkitHarness;
  let engine: PrivateEngine;
  let core: Core;
  let helper: string;
  let runner: PrivilegeRunner;
  let t: Record<Language, TFunction>;

  const mirrorsInEffect = async (): Promise<string[]> => (JSON.parse((await engine.cliOk(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout) as string[] | null) ?? [];

  /** Runs a fix as the wizard does and answers its task's error (undefined when it succeeded). */
  const fix = async (id: FixId): Promise<WharfErrorInfo | undefined> => (await core.tasks.settled((await call(core, 'setup.fix', { fix: id })).id)).error;

  const applyMirrors = async (mirrors: string[]): Promise<WharfErrorInfo | undefined> => {
    const state = await call(core, 'registryMirrors.read');
    return (await core.tasks.settled((await call(core, 'registryMirrors.apply', { registryMirrors: mirrors, insecureRegistries: [], expectedHash: state.hash })).id)).error;
  };

  /** Stops the dockerd that serves the socket, whoever started it. */
  const stopEngine = async (): Promise<void> => {
    if (engine.pid !== undefined) {
      await engine.stop();
    } else {
      const pid = dockerdPid(engine);
      process.kill(pid, 'SIGTERM');
      await until('the private dockerd exiting', async () => !isProcessAlive(pid));
    }
    // What the wizard then sees: a stopped engine (not a socket caught mid-shutdown).
    await until('the wizard seeing the engine stopped', async () => (await call(core, 'setup.diagnose')).verdict === 'not-running');
  };

  beforeAll(async () => {
    t = await makeTranslators();
    account = createThrowawayAccount();
    polkit = await startPolkitHarness(account.user, account.user);
    helper = polkit.installHelper(path.join(RESOURCES, 'wharf-daemon-json'));
    expect(helper).toBe(INSTALLED_HELPER_PATH);
    await polkit.installPolicy(path.join(RESOURCES, 'io.github.wharf.policy'), ACTION);
    engine = await startPrivateEngine({ name: 'polkit', socketGroup: account.group });
    runner = createPkexecRunner({ pkexecPath: polkit.pkexecAsUser });
    core = createCore({
      app: { version: 'test', mode: 'desktop', platform: process.platform },
      dockerHost: engine.host,
      env: { PATH: process.env.PATH },
      paths: { home: '/nonexistent' },
      clock: systemClock,
      createDockerClient: createDockerodeClient,
      privilegeRunner: runner,
      backoff: { initialMs: 200, maxMs: 1000 },
      setup: { identity: () => osIdentityOf(account.user), serviceController: pkexecServiceController(engine, polkit.dir), helperPath: helper },
      registryMirrors: { configPath: engine.configPath, controller: harnessController(engine), verifyTimeoutMs: 15_000, confirmTimeoutS: 30, helperPath: helper },
    });
    await core.start();
  }, 120_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
    await polkit?.remove();
    account?.remove();
  });

  it("loads Wharf's policy: pkaction shows its action, defaults and the helper's installed path", () => {
    const shown = execFileSync('/usr/bin/pkaction', ['--action-id', ACTION, '--verbose']).toString();
    expect(shown).toContain(`${ACTION}:`);
    expect(shown).toMatch(/implicit active:\s+auth_admin_keep/);
    expect(shown).toContain(`org.freedesktop.policykit.exec.path -> ${INSTALLED_HELPER_PATH}`);
    expect(shown).toContain('Wharf needs the administrator password');
    const policy = fs.readFileSync(path.join(RESOURCES, 'io.github.wharf.policy'), 'utf8');
    expect(policy).toMatch(/<message xml:lang="zh_CN">Wharf 需要管理员密码/);
  });

  it('polkit says yes: the group fix, the engine start and a mirror apply take effect, each one polkit check', async () => {
    await polkit.rule(`if (action.id == "${ACTION}" || action.id == "${EXEC_ACTION}") return polkit.Result.YES;`);
    const checks = polkit.checks().length;

    expect(groupMembers(account.group)).not.toContain(account.user);
    expect(await fix('add-user-to-group')).toBeUndefined();
    expect(groupMembers(account.group)).toContain(account.user);
    expect(polkit.checks().slice(checks), polkit.polkitdLog()).toEqual([ACTION]);

    await stopEngine();
    expect(await fix('start-service')).toBeUndefined();
    expect((await engine.cliOk(['version', '--format', '{{.Server.Version}}'])).stdout.trim()).not.toBe('');
    // Started as root by pkexec, not by the harness.
    expect(engine.pid).toBeUndefined();
    expect(fs.readFileSync(`/proc/${dockerdPid(engine)}/status`, 'utf8')).toMatch(/^Uid:\s+0\s/m);
    expect(polkit.checks().slice(checks)).toEqual([ACTION, EXEC_ACTION]);

    // Back up, write, reload and verify: one call of the helper.
    await until('the core reconnected', async () => core.connection.status().state === 'connected');
    expect(await applyMirrors([MIRROR])).toBeUndefined();
    expect(await mirrorsInEffect()).toEqual([`${MIRROR}/`]);
    expect(polkit.checks().slice(checks)).toEqual([ACTION, EXEC_ACTION, ACTION]);
    expect(await applyMirrors([])).toBeUndefined();
    expect(await mirrorsInEffect()).toEqual([]);
    expect(polkit.checks().slice(checks)).toEqual([ACTION, EXEC_ACTION, ACTION, ACTION]);
  }, 90_000);

  /** Each action refused by polkit: the translated sentence, one check each, nothing changed. */
  const expectEveryActionRefused = async (privilege: 'not-authorized' | 'no-agent'): Promise<void> => {
    // The user out of the group again (the yes test added them), so the group fix has work to do.
    if (groupMembers(account.group).includes(account.user)) execFileSync('/usr/bin/gpasswd', ['-d', account.user, account.group], { stdio: 'ignore' });
    const line = groupLine(account.group);
    const daemonJson = fs.readFileSync(engine.configPath);
    const checks = polkit.checks().length;
    const reads = (error: WharfErrorInfo | undefined): void => {
      expect(error, JSON.stringify(error)).toMatchObject({ code: 'permission-denied', details: { privilege, exitCode: 127 } });
      for (const lang of ['en', 'zh-CN'] as const) expect(errorMessage(t[lang], error as WharfErrorInfo)).toBe(READS[privilege][lang]);
    };

    reads(await fix('add-user-to-group'));
    expect(groupLine(account.group)).toBe(line);
    expect(groupMembers(account.group)).not.toContain(account.user);

    reads(await applyMirrors([MIRROR]));
    expect(fs.readFileSync(engine.configPath).equals(daemonJson)).toBe(true);
    expect(fs.readdirSync(engine.dir).filter((name) => name.includes('.bak-') || name.includes('.wharf-'))).toEqual(
      fs.readdirSync(engine.dir).filter((name) => name.includes('.bak-')),
    );
    expect(await mirrorsInEffect()).toEqual([]);

    await stopEngine();
    reads(await fix('start-service'));
    expect(await engineAnswers(engine)).toBe(false);
    expect(polkit.checks().slice(checks)).toEqual([ACTION, ACTION, EXEC_ACTION]);
    await engine.start();
    await until('the core reconnected', async () => core.connection.status().state === 'connected');
  };

  it('polkit says no: every action reads "not authorized" and changes nothing', async () => {
    await polkit.rule('return polkit.Result.NO;');
    await expectEveryActionRefused('not-authorized');
  }, 90_000);

  it('polkit wants the admin password and no agent can ask: every action reads "no agent" and changes nothing', async () => {
    await polkit.rule('return polkit.Result.AUTH_ADMIN;');
    await expectEveryActionRefused('no-agent');
  }, 90_000);

  it("a text agent's prompt answered with end of input: polkit 122's agent gives up, pkexec says not authorized, nothing changed", async () => {
    await polkit.rule('return polkit.Result.AUTH_ADMIN;');
    // The fix acts on the socket's group: the engine must answer (a stopped one's group would be "docker").
    expect(await engineAnswers(engine)).toBe(true);
    expect(groupMembers(account.group)).not.toContain(account.user);
    const line = groupLine(account.group);
    // pkttyagent on a terminal of its own (script's pty), the agent of this process: pkexec's caller.
    const agent = spawn('/usr/bin/script', ['-qec', `/usr/bin/pkttyagent --process ${process.pid}`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let prompt = '';
    agent.stdout.on('data', (chunk: Buffer) => {
      prompt += chunk.toString();
      // The password prompt: answer it with end of input (Ctrl-D on the terminal).
      if (prompt.endsWith('Password: ')) agent.stdin.write('\u0004');
    });
    try {
      // The agent registers within moments; an action started before would read "no agent" (the test above).
      let error: WharfErrorInfo | undefined;
      for (let i = 0; i < 50 && !prompt.includes('AUTHENTICATING'); i++) {
        error = await fix('add-user-to-group');
        if (prompt.includes('AUTHENTICATING')) break;
        expect(error).toMatchObject({ details: { privilege: 'no-agent' } });
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(prompt).toContain(`AUTHENTICATING FOR ${ACTION}`);
      expect(error).toMatchObject({ code: 'permission-denied', details: { privilege: 'not-authorized', exitCode: 127 } });
      expect(errorMessage(t.en, error as WharfErrorInfo)).toBe(READS['not-authorized'].en);
      expect(groupLine(account.group)).toBe(line);
    } finally {
      agent.kill('SIGKILL');
    }
  }, 60_000);

  it("pkexec of the helper is checked under Wharf's action; the helper refuses arguments outside its verbs with codes Wharf translates", async () => {
    // Yes for Wharf's action only: the same helper at another path is the generic exec action, refused.
    await polkit.rule(`return action.id == "${ACTION}" ? polkit.Result.YES : polkit.Result.NO;`);
    // A copy in the harness's folder (root's, open to all): the tree Wharf runs from may be private to root (CI clones
    // into a 0700 folder), and pkexec would then refuse the path before polkit is asked.
    const copy = path.join(polkit.dir, 'wharf-daemon-json');
    fs.copyFileSync(path.join(RESOURCES, 'wharf-daemon-json'), copy);
    fs.chmodSync(copy, 0o755);
    const elsewhere = await runner.run({ binary: copy, args: ['join-group', '--group', account.group, '--user', account.user] }).catch((e: unknown) => e);
    expect(elsewhere).toMatchObject({ code: 'permission-denied', details: { privilege: 'not-authorized' } });
    expect(polkit.checks().at(-1)).toBe(EXEC_ACTION);

    const line = groupLine(account.group);
    const daemonJson = fs.readFileSync(engine.configPath);
    const refused = async (args: string[]): Promise<{ error: WharfErrorInfo; exitCode: unknown; answer: unknown }> => {
      const error = (await runner.run({ binary: helper, args }).then(
        () => undefined,
        (e: unknown) => e,
      )) as { details: { exitCode: unknown; stdout: string } } | undefined;
      expect(error, args.join(' ')).toBeDefined();
      const details = (error as { details: { exitCode: unknown; stdout: string } }).details;
      return { error: joinGroupError(error) as WharfErrorInfo, exitCode: details.exitCode, answer: JSON.parse(details.stdout) };
    };
    // An option-looking name, a name with a colon, an unknown option, a verb the helper does not have.
    for (const args of [
      ['join-group', '--group', account.group, '--user', '-oops'],
      ['join-group', '--group', '--help', '--user', account.user],
      ['join-group', '--group', 'wheel:x', '--user', account.user],
      ['join-group', '--group', account.group, '--user', account.user, '--shell', '/bin/sh'],
      ['kill', '--pid', String(dockerdPid(engine))],
    ]) {
      const r = await refused(args);
      expect(r, args.join(' ')).toMatchObject({ exitCode: 2, answer: { ok: false, reason: 'bad-argument' } });
      if (args[0] === 'join-group') expect(errorMessage(t.en, r.error)).toBe('The request was not valid.');
    }
    const noUser = await refused(['join-group', '--group', account.group, '--user', 'wharfnosuchuser']);
    expect(noUser).toMatchObject({ exitCode: 3, answer: { ok: false, reason: 'no-user' }, error: { code: 'not-found' } });
    expect(errorMessage(t['zh-CN'], noUser.error)).toBe(t['zh-CN']('errors.not-found'));

    // A file that is not the --config-file of the dockerd holding the socket: refused, nothing written.
    const other = path.join(path.dirname(engine.configPath), 'other.json');
    const apply = await refused(['apply', '--socket', engine.socketPath, '--config', other, '--expect-sha256', 'absent', '--bytes', '2']);
    expect(apply).toMatchObject({ exitCode: 3, answer: { ok: false, reason: 'not-the-engine-config', path: other } });
    let translated: unknown;
    try {
      helperAnswer(JSON.stringify(apply.answer), helper);
    } catch (e) {
      translated = e;
    }
    expect(errorMessage(t.en, translated as WharfErrorInfo)).toBe(t.en('registryMirrors.refused.not-the-engine-config', { path: other }));
    expect(fs.existsSync(other)).toBe(false);

    expect(groupLine(account.group)).toBe(line);
    expect(fs.readFileSync(engine.configPath).equals(daemonJson)).toBe(true);

    // A missing group is made and the user added, in the same one call.
    const fresh = `wharfn${process.pid.toString(36)}`;
    try {
      const before = polkit.checks().length;
      const done = await runner.run({ binary: helper, args: ['join-group', '--group', fresh, '--user', account.user] });
      expect(JSON.parse(done.stdout)).toEqual({ ok: true, verb: 'join-group', group: fresh, user: account.user, created: true, added: true });
      expect(groupMembers(fresh)).toEqual([account.user]);
      expect(polkit.checks().slice(before)).toEqual([ACTION]);
    } finally {
      execFileSync('/usr/sbin/groupdel', [fresh], { stdio: 'ignore' });
    }
  }, 60_000);
});
