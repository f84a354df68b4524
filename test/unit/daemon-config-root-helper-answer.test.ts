/**
 * The root helper's one-line JSON answer becomes a result or a coded error whose details name the reason (translated
 * by the renderer) and the path; pkexec's own refusals (no answer) pass through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { WharfError } from '../../src/main/core/errors';
import { helperApply, helperRestore, runHelper } from '../../src/main/core/daemon-config/root-helper';
import type { PrivilegeRunner, PrivilegedCommand } from '../../src/main/core/privilege/privilege-runner';

function runnerAnswering(answer: (command: PrivilegedCommand) => Promise<{ stdout: string; stderr: string }>): PrivilegeRunner & { calls: PrivilegedCommand[] } {
  const calls: PrivilegedCommand[] = [];
  return {
    kind: 'pkexec',
    calls,
    run: (command) => {
      calls.push(command);
      return answer(command);
    },
  };
}

const target = { helper: '/opt/wharf/resources/wharf-daemon-json', socket: '/var/run/docker.sock', config: '/etc/docker/daemon.json' };

describe('the root helper call', () => {
  it('one call carries the checks\' inputs as argv and the new file on stdin', () => {
    expect(helperApply(target, '', '{}\n')).toEqual({
      argv: [target.helper, 'apply', '--socket', target.socket, '--config', target.config, '--expect-sha256', 'absent'],
      stdin: '{}\n',
    });
    expect(helperRestore(target, undefined, 'restart').argv).toEqual([target.helper, 'restore', '--socket', target.socket, '--config', target.config, '--backup', 'absent', '--then', 'restart']);
  });

  it('answers the helper\'s result', async () => {
    const runner = runnerAnswering(async () => ({ stdout: '{"ok":true,"verb":"apply","path":"/etc/docker/daemon.json","backup":null,"pid":812,"service":"systemd","reload":"systemd"}\n', stderr: '' }));
    expect(await runHelper(runner, helperApply(target, 'a'.repeat(64), '{}'))).toMatchObject({ ok: true, backup: null, reload: 'systemd' });
    expect(runner.calls).toEqual([{ binary: target.helper, args: ['apply', '--socket', target.socket, '--config', target.config, '--expect-sha256', 'a'.repeat(64)], stdin: '{}' }]);
  });

  it.each([
    ['config-dir-writable', 'unsupported'],
    ['not-the-engine-config', 'unsupported'],
    ['changed', 'conflict'],
    ['reload-failed', 'failed'],
  ] as const)('a refusal "%s" becomes %s with the reason and path in details', async (reason, code) => {
    const stdout = `{"ok":false,"reason":"${reason}","path":"/etc/docker","detail":"x","backup":null}\n`;
    const runner = runnerAnswering(async () => Promise.reject(new WharfError('failed', 'exit 3', { exitCode: 3, stdout })));
    await expect(runHelper(runner, helperApply(target, '', '{}'))).rejects.toMatchObject({ code, details: { reason, path: '/etc/docker' } });
  });

  it("pkexec's own refusal (no answer) passes through; an unknown reason is the helper's answer problem", async () => {
    const cancelled = new WharfError('cancelled', 'authentication was cancelled', { exitCode: 126, stderr: '' });
    await expect(runHelper(runnerAnswering(async () => Promise.reject(cancelled)), helperApply(target, '', '{}'))).rejects.toBe(cancelled);
    const odd = runnerAnswering(async () => ({ stdout: '{"ok":false,"reason":"rm -rf","path":""}', stderr: '' }));
    await expect(runHelper(odd, helperApply(target, '', '{}'))).rejects.toMatchObject({ code: 'failed', details: { reason: 'helper-answer' } });
  });
});
