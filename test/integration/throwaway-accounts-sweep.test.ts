/**
 * The test harness's throwaway accounts (real users and groups in /etc/passwd and /etc/group) outlive a test process
 * killed before its afterAll; the next account made sweeps them: the user, its primary group and its throwaway
 * group. An account whose process still runs (another suite, now) is kept.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { processStartTime } from '../support/processes';
import { createThrowawayAccount, sweepStaleAccounts, type ThrowawayAccount } from '../support/throwaway-account';

function exists(database: 'passwd' | 'group', name: string): boolean {
  try {
    execFileSync('/usr/bin/getent', [database, name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A process that has ended: its pid and start time, as a killed test run leaves them. */
async function deadProcess(): Promise<{ pid: number; start: string }> {
  const child = spawn('/bin/sleep', ['30']);
  const pid = child.pid ?? 0;
  const start = processStartTime(pid) ?? '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return { pid, start };
}

describe('throwaway accounts', () => {
  const made: string[] = [];
  let live: ThrowawayAccount | undefined;

  afterAll(() => {
    live?.remove();
    for (const name of made) {
      for (const [bin, n] of [['/usr/sbin/userdel', `wharfu${name}`], ['/usr/sbin/groupdel', `wharfg${name}`]] as const) {
        try {
          execFileSync(bin, [n], { stdio: 'ignore' });
        } catch {
          // swept
        }
      }
    }
  });

  it('an account left by a killed run is removed with its groups; one whose run is alive stays', async () => {
    const dead = await deadProcess();
    const suffix = randomBytes(3).toString('hex');
    made.push(suffix);
    // As the harness makes one, for a process that is gone.
    execFileSync('/usr/sbin/groupadd', [`wharfg${suffix}`]);
    execFileSync('/usr/sbin/useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', '--comment', `wharf-test ${dead.pid}-${dead.start}`, `wharfu${suffix}`]);
    live = createThrowawayAccount();

    expect(exists('passwd', `wharfu${suffix}`)).toBe(false);
    expect(exists('group', `wharfu${suffix}`)).toBe(false);
    expect(exists('group', `wharfg${suffix}`)).toBe(false);
    expect(exists('passwd', live.user)).toBe(true);
    expect(sweepStaleAccounts()).not.toContain(live.user);
    expect(exists('group', live.group)).toBe(true);
  });
});
