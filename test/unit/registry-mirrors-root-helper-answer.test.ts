/**
 * The conversation with the root helper: one call carries the checks' inputs as argv and the new file on stdin; its
 * first JSON line is a result or a coded error whose details name the reason (translated by the renderer) and the
 * path; then exactly one verdict goes back on stdin, and the helper's last line says what it did. pkexec's own
 * refusals (no answer) pass through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { WharfError } from '../../src/main/core/errors';
import { helperAnswer, helperApply, startHelperApply } from '../../src/main/core/registry-mirrors/root-helper';
import type { Conversation } from '../../src/main/core/privilege/conversation';
import type { PrivilegeRunner, PrivilegedCommand, PrivilegedResult } from '../../src/main/core/privilege/privilege-runner';

const target = { helper: '/opt/wharf/resources/wharf-daemon-json', socket: '/var/run/docker.sock', config: '/etc/docker/daemon.json' };
const WRITTEN = '{"ok":true,"verb":"apply","path":"/etc/docker/daemon.json","backup":null,"pid":812,"service":"systemd","reload":"systemd","timeout":80}';

/** A helper that answers the given lines, one per readLine, and records what Wharf wrote to it. */
function scriptedRunner(lines: string[], done: Promise<PrivilegedResult> = Promise.resolve({ stdout: '', stderr: '' })) {
  const opened: PrivilegedCommand[] = [];
  const input: string[] = [];
  let closed = false;
  const runner: PrivilegeRunner = {
    kind: 'pkexec',
    run: () => Promise.reject(new Error('one-shot run is not used')),
    open: (command): Conversation => {
      opened.push(command);
      done.catch(() => undefined);
      return {
        readLine: async () => lines.shift(),
        write: (text) => {
          if (!closed) input.push(text);
        },
        closeInput: () => {
          closed = true;
        },
        done,
      };
    },
  };
  return { runner, opened, input, closed: () => closed };
}

describe('the root helper call', () => {
  it("carries the checks' inputs as argv, the file's byte count and the verdict's timeout; the new file on stdin", () => {
    expect(helperApply(target, '', '{"x":"码头"}\n', 80)).toEqual({
      argv: [target.helper, 'apply', '--socket', target.socket, '--config', target.config, '--expect-sha256', 'absent', '--bytes', '15', '--confirm-timeout', '80'],
      stdin: '{"x":"码头"}\n',
    });
    expect(helperApply(target, 'a'.repeat(64), '{}', 1).argv.slice(-1)).toEqual(['5']);
    expect(helperApply(target, 'a'.repeat(64), '{}', 5000).argv.slice(-1)).toEqual(['600']);
  });

  it('answers what the helper wrote, sends one verdict, and reads what it then did', async () => {
    const h = scriptedRunner([WRITTEN, '{"ok":true,"verb":"commit","path":"/etc/docker/daemon.json","backup":null}']);
    const apply = await startHelperApply(h.runner, helperApply(target, 'a'.repeat(64), '{}', 80));
    expect(apply.written).toMatchObject({ verb: 'apply', backup: null, reload: 'systemd', timeout: 80 });
    expect(h.opened).toEqual([{ binary: target.helper, args: helperApply(target, 'a'.repeat(64), '{}', 80).argv.slice(1), stdin: '{}' }]);
    expect(h.input).toEqual([]);
    expect(await apply.decide('commit')).toMatchObject({ verb: 'commit' });
    expect(h.input).toEqual(['commit\n']);
    expect(h.closed()).toBe(true);
    // A second verdict changes nothing: the first one counted.
    expect(await apply.decide('rollback')).toMatchObject({ verb: 'commit' });
    expect(h.input).toEqual(['commit\n']);
  });

  it('a commit that came too late gets the rollback the helper made by itself', async () => {
    const h = scriptedRunner([WRITTEN, '{"ok":true,"verb":"rollback","why":"timeout","path":"/etc/docker/daemon.json","backup":null,"reload":"systemd"}']);
    const apply = await startHelperApply(h.runner, helperApply(target, '', '{}', 80));
    expect(await apply.decide('commit')).toMatchObject({ verb: 'rollback', why: 'timeout', reload: 'systemd' });
  });

  it.each([
    ['config-dir-writable', 'unsupported'],
    ['not-the-engine-config', 'unsupported'],
    ['changed', 'conflict'],
    ['bad-argument', 'invalid-input'],
    ['write-failed', 'failed'],
  ] as const)('a refusal "%s" becomes %s with the reason and path in details, and the helper gets end of input', async (reason, code) => {
    const h = scriptedRunner([`{"ok":false,"reason":"${reason}","path":"/etc/docker","detail":"x","backup":null}`]);
    await expect(startHelperApply(h.runner, helperApply(target, '', '{}', 80))).rejects.toMatchObject({ code, details: { reason, path: '/etc/docker', detail: 'x' } });
    expect(h.closed()).toBe(true);
  });

  it('a rollback that failed half-way is an error that says where', async () => {
    const h = scriptedRunner([WRITTEN, '{"ok":false,"reason":"restart-failed","path":"/etc/docker/daemon.json","detail":"Job failed","backup":null}']);
    const apply = await startHelperApply(h.runner, helperApply(target, '', '{}', 80));
    await expect(apply.decide('rollback')).rejects.toMatchObject({ code: 'failed', details: { reason: 'restart-failed', detail: 'Job failed' } });
    expect(h.input).toEqual(['rollback\n']);
  });

  it("pkexec's own refusal (no answer) passes through; an unknown reason or a line that is no answer is the helper's answer problem", async () => {
    const cancelled = new WharfError('cancelled', 'authentication was cancelled', { exitCode: 126, stderr: '' });
    await expect(startHelperApply(scriptedRunner([], Promise.reject(cancelled)).runner, helperApply(target, '', '{}', 80))).rejects.toBe(cancelled);
    expect(() => helperAnswer('{"ok":false,"reason":"rm -rf","path":""}', target.helper)).toThrow(expect.objectContaining({ code: 'failed', details: expect.objectContaining({ reason: 'helper-answer' }) }));
    expect(() => helperAnswer('Password:', target.helper)).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'helper-answer' }) }));
    expect(() => helperAnswer('{"ok":true,"verb":"restore"}', target.helper)).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'helper-answer' }) }));
  });
});
