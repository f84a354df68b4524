/**
 * pkexec's exit codes become clear, coded errors: 126 cancelled (dismissed), 127 not authorized or — told apart by
 * pkexec's stderr — no authentication agent, others failed with stderr. Wharf turns pkexec's own textual agent off.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickPrivilegeRunner } from '../../src/main/core/privilege/pick-runner';
import { createPkexecRunner, pkexecError } from '../../src/main/core/privilege/pkexec-runner';
import type { PrivilegeRunner } from '../../src/main/core/privilege/privilege-runner';

let dir: string;

function fakePkexec(name: string, script: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

async function failureOf(runner: PrivilegeRunner): Promise<unknown> {
  return runner.run({ binary: '/usr/sbin/usermod', args: ['-aG', 'docker', 'alice'] }).then(
    () => undefined,
    (e: unknown) => e,
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wharf-pkexec-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('pkexec runner', () => {
  it('126 (dialog dismissed) → cancelled', async () => {
    const runner = createPkexecRunner({ pkexecPath: fakePkexec('pkexec-126', 'echo "Error executing command as another user: Request dismissed" >&2; exit 126') });
    expect(await failureOf(runner)).toMatchObject({ code: 'cancelled', message: 'authentication was cancelled', details: { exitCode: 126, privilege: 'dismissed' } });
  });

  it('127 "Not authorized" → permission-denied, not authorized', async () => {
    // polkit 122's pkexec, as measured against a rule answering NO: two lines, then a blank and the incident line.
    const runner = createPkexecRunner({ pkexecPath: fakePkexec('pkexec-127', 'printf "Error executing command as another user: Not authorized\\n\\nThis incident has been reported.\\n" >&2; exit 127') });
    expect(await failureOf(runner)).toMatchObject({
      code: 'permission-denied',
      message: 'not authorized by polkit',
      details: { exitCode: 127, privilege: 'not-authorized', stderr: 'Error executing command as another user: Not authorized\n\nThis incident has been reported.' },
    });
  });

  it.each([
    // With --disable-internal-agent, which Wharf passes.
    'Error executing command as another user: No authentication agent found.',
    // Its textual agent, where pkexec tried it without a terminal.
    "Error creating textual authentication agent: Error opening current controlling terminal for the process (`/dev/tty'): No such device or address",
  ])('127 %j → permission-denied, no agent', async (line) => {
    const runner = createPkexecRunner({ pkexecPath: fakePkexec(`pkexec-noagent-${line.length}`, `printf '%s\\n' "${line.replace(/[`"$\\]/g, '\\$&')}" >&2; exit 127`) });
    expect(await failureOf(runner)).toMatchObject({ code: 'permission-denied', message: 'no polkit authentication agent could ask for the password', details: { exitCode: 127, privilege: 'no-agent' } });
  });

  it('pkexec is told to keep its own textual agent off, before the command', async () => {
    const runner = createPkexecRunner({ pkexecPath: fakePkexec('pkexec-argv', 'printf "%s|" "$@"') });
    expect(await runner.run({ binary: '/usr/sbin/usermod', args: ['-aG', 'docker', 'alice'] })).toMatchObject({ stdout: '--disable-internal-agent|/usr/sbin/usermod|-aG|docker|alice|' });
  });

  it('any other exit → failed, with the command\'s stderr', async () => {
    const runner = createPkexecRunner({ pkexecPath: fakePkexec('pkexec-1', 'echo "usermod: user \'alice\' does not exist" >&2; exit 1') });
    expect(await failureOf(runner)).toMatchObject({
      code: 'failed',
      message: "/usr/sbin/usermod failed with exit code 1: usermod: user 'alice' does not exist",
      details: { exitCode: 1, command: ['/usr/sbin/usermod', '-aG', 'docker', 'alice'] },
    });
  });

  it('a failing command keeps what it answered on stdout (the root helper says there why)', async () => {
    const runner = createPkexecRunner({ pkexecPath: fakePkexec('pkexec-3', 'echo \'{"ok":false,"reason":"changed","path":"/etc/docker/daemon.json"}\'; exit 3') });
    expect(await failureOf(runner)).toMatchObject({ code: 'failed', details: { exitCode: 3, stdout: '{"ok":false,"reason":"changed","path":"/etc/docker/daemon.json"}\n' } });
  });

  it('success passes stdout through, and stdin reaches the command', async () => {
    const runner = createPkexecRunner({ pkexecPath: fakePkexec('pkexec-ok', 'shift 2; cat; printf " %s" "$@"') });
    expect(await runner.run({ binary: '/usr/bin/tee', args: ['/etc/x'], stdin: 'content' })).toMatchObject({ stdout: 'content /etc/x' });
  });

  it('open() keeps the conversation going through pkexec: stdin stays open after the first input, stdout comes line by line', async () => {
    // The command echoes its first input line, then waits for one more line and answers it.
    const runner = createPkexecRunner({ pkexecPath: fakePkexec('pkexec-talk', 'shift; exec "$@"') });
    const talk = runner.open({ binary: '/bin/sh', args: ['-c', 'read a; echo "got $a"; read b; echo "then $b"; exit 5'], stdin: 'first\n' });
    expect(await talk.readLine()).toBe('got first');
    talk.write('second\n');
    talk.closeInput();
    expect(await talk.readLine()).toBe('then second');
    expect(await talk.readLine()).toBeUndefined();
    await expect(talk.done).rejects.toMatchObject({ code: 'failed', details: { exitCode: 5, stdout: 'got first\nthen second\n' } });
  });

  it.each([
    [126, 'cancelled'],
    [127, 'permission-denied'],
  ] as const)('open(): pkexec exiting %i before any line → %s', async (exit, code) => {
    const runner = createPkexecRunner({ pkexecPath: fakePkexec(`pkexec-open-${exit}`, `exit ${exit}`) });
    const talk = runner.open({ binary: '/bin/cat', args: [], stdin: 'x' });
    expect(await talk.readLine()).toBeUndefined();
    await expect(talk.done).rejects.toMatchObject({ code, details: { exitCode: exit } });
  });

  it('a manual runner opens nothing: it says to run the command as root', () => {
    expect(() => pickPrivilegeRunner({ uid: 1000, mode: 'web', pkexecExists: true }).open({ binary: '/bin/cat', args: [] })).toThrow(expect.objectContaining({ code: 'unsupported' }));
  });

  it('a missing pkexec → unsupported', async () => {
    expect(await failureOf(createPkexecRunner({ pkexecPath: join(dir, 'no-such-pkexec') }))).toMatchObject({ code: 'unsupported' });
    const talk = createPkexecRunner({ pkexecPath: join(dir, 'no-such-pkexec') }).open({ binary: '/bin/cat', args: [] });
    expect(await talk.readLine()).toBeUndefined();
    await expect(talk.done).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('refuses a relative pkexec path, and relative binaries', async () => {
    expect(() => createPkexecRunner({ pkexecPath: 'pkexec' })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    const runner = createPkexecRunner({ pkexecPath: fakePkexec('pkexec-never', 'exit 0') });
    await expect(runner.run({ binary: 'usermod', args: [] })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('maps errors without a numeric exit code to failed', () => {
    expect(pkexecError(new Error('boom'), ['/bin/x'])).toMatchObject({ code: 'failed' });
  });
});

describe('choosing the privilege runner', () => {
  it.each([
    [{ uid: 0, mode: 'desktop', pkexecExists: true }, 'direct'],
    // A click in a browser tab never acts as root, even when the server runs as root.
    [{ uid: 0, mode: 'web', pkexecExists: false }, 'manual'],
    [{ uid: 1000, mode: 'desktop', pkexecExists: true }, 'pkexec'],
    [{ uid: 1000, mode: 'desktop', pkexecExists: false }, 'manual'],
    // A browser cannot answer a polkit dialog on the server's session.
    [{ uid: 1000, mode: 'web', pkexecExists: true }, 'manual'],
    [{ uid: undefined, mode: 'web', pkexecExists: false }, 'manual'],
  ] as const)('%j → %s', (options, kind) => {
    expect(pickPrivilegeRunner(options).kind).toBe(kind);
  });
});
