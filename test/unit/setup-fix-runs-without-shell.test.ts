/**
 * Fixes run their commands by execFile with argv, never through a shell: a fake absolute binary records the argv
 * it receives, and arguments (and binary paths) full of shell syntax arrive as exactly one entry each while the
 * commands hidden in them never run.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WharfError } from '../../src/main/core/errors';
import { createPkexecRunner } from '../../src/main/core/privilege/pkexec-runner';
import { createDirectRunner, createManualRunner } from '../../src/main/core/privilege/privilege-runner';
import { fixPlan, runFix, type PlannedFix } from '../../src/main/core/setup/fixes';
import { nodeFiles } from '../../src/main/core/setup/system-files';
import type { SetupDiagnosis } from '../../src/shared/setup';

const tag = randomBytes(4).toString('hex');
/** Files that exist only if some shell interpreted an argument. */
const PWNED = [`/tmp/pwned-${tag}-a`, `/tmp/pwned-${tag}-b`, `/tmp/pwned-${tag}-c`, join(process.cwd(), `pwned-${tag}-d`)];
const NASTY_ARGS = [
  `; touch ${PWNED[0]}`,
  `$(touch ${PWNED[1]})`,
  `\`touch ${PWNED[2]}\``,
  'with space',
  "it's \"quoted\"",
  'line1\nline2',
  '*',
  '$HOME',
  '',
];

let work: string;
let nastyDir: string;
let recordFile: string;

/** A shell script standing in for a root tool: it writes each argv entry NUL-terminated (entries may hold newlines). */
function writeRecorder(path: string, prependSelf = false): void {
  const body = prependSelf ? `printf '%s\\0' "$0" "$@" > '${recordFile}'` : `printf '%s\\0' "$@" > '${recordFile}'`;
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

function recorded(): string[] {
  return readFileSync(recordFile, 'utf8').split('\0').slice(0, -1);
}

function plan(commands: string[][]): PlannedFix {
  return { fix: 'add-user-to-group', commands, via: 'privilege-runner' };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'wharf-argv-'));
  chmodSync(work, 0o755);
  recordFile = join(work, 'argv.out');
  // A directory whose name is shell syntax, holding the fake tools: the binary path itself must not be interpreted.
  nastyDir = join(work, `bin dir; touch pwned-${tag}-d $(touch pwned-${tag}-d) 'q"`);
  mkdirSync(nastyDir, { mode: 0o755 });
  writeRecorder(join(nastyDir, 'usermod'));
  writeRecorder(join(nastyDir, 'recorder'));
  writeRecorder(join(nastyDir, 'pkexec'), true);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  for (const p of PWNED) rmSync(p, { force: true });
});

function expectNothingPwned(): void {
  for (const p of PWNED) expect(existsSync(p), p).toBe(false);
}

describe('running a fix', () => {
  it('direct runner: every argument arrives as exactly one argv entry, and nothing in them runs', async () => {
    rmSync(recordFile, { force: true });
    await runFix(plan([[join(nastyDir, 'recorder'), ...NASTY_ARGS]]), { runner: createDirectRunner() });
    expect(recorded()).toEqual(NASTY_ARGS);
    expectNothingPwned();
  });

  it('a planned add-user-to-group runs the tool from the system dirs with the user as one entry', async () => {
    rmSync(recordFile, { force: true });
    const facts = {
      user: { name: 'alice', uid: 1000, home: '/home/alice' },
      dockerGroup: { name: 'docker', exists: true, gid: 112, userListed: false, sessionHas: false },
      service: { manager: 'none', dockerdRunning: false },
      endpoint: { host: 'unix:///var/run/docker.sock', source: 'default' },
      installation: { packaging: 'docker.io' },
    } as SetupDiagnosis;
    const planned = fixPlan('add-user-to-group', facts, { systemDirs: [nastyDir], files: nodeFiles });
    // The fake tool (root-owned, 0755) must be the one chosen — never the real usermod.
    expect(planned.commands).toEqual([[join(nastyDir, 'usermod'), '-aG', 'docker', 'alice']]);
    await runFix(planned, { runner: createDirectRunner() });
    expect(recorded()).toEqual(['-aG', 'docker', 'alice']);
    expectNothingPwned();
  });

  it('with the root helper, add-user-to-group is one call of its join-group verb (one password prompt), names one entry each', async () => {
    rmSync(recordFile, { force: true });
    const facts = {
      user: { name: 'alice', uid: 1000, home: '/home/alice' },
      dockerGroup: { name: 'docker', exists: false, userListed: false, sessionHas: false },
      service: { manager: 'none', dockerdRunning: false },
      endpoint: { host: 'unix:///var/run/docker.sock', source: 'default' },
      installation: { packaging: 'docker.io' },
    } as SetupDiagnosis;
    const helper = join(nastyDir, 'recorder');
    const planned = fixPlan('add-user-to-group', facts, { systemDirs: [nastyDir], files: nodeFiles, helperPath: helper });
    // What is shown (and what to copy by hand) stays groupadd + usermod; what runs as root is one call.
    expect(planned.commands).toEqual([
      ['/usr/sbin/groupadd', '-f', 'docker'],
      [join(nastyDir, 'usermod'), '-aG', 'docker', 'alice'],
    ]);
    expect(planned.privileged).toEqual([helper, 'join-group', '--group', 'docker', '--user', 'alice']);
    const steps: number[] = [];
    await runFix(planned, { runner: createDirectRunner(), onCommand: (index, total) => steps.push(index, total) });
    expect(recorded()).toEqual(['join-group', '--group', 'docker', '--user', 'alice']);
    expect(steps).toEqual([0, 1]);
    expectNothingPwned();
  });

  it('pkexec runner: pkexec gets the absolute binary and each argument as its own entry', async () => {
    rmSync(recordFile, { force: true });
    const pkexec = join(nastyDir, 'pkexec');
    const binary = join(nastyDir, 'recorder');
    await runFix(plan([[binary, ...NASTY_ARGS]]), { runner: createPkexecRunner({ pkexecPath: pkexec }) });
    expect(recorded()).toEqual([pkexec, '--disable-internal-agent', binary, ...NASTY_ARGS]);
    expectNothingPwned();
  });

  it('manual runner: nothing runs; the task error carries every command', async () => {
    rmSync(recordFile, { force: true });
    const commands = [[join(nastyDir, 'recorder'), 'one'], [join(nastyDir, 'recorder'), 'two']];
    const error = await runFix(plan(commands), { runner: createManualRunner() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WharfError);
    expect(error).toMatchObject({ code: 'unsupported', details: { commands } });
    expect(existsSync(recordFile)).toBe(false);
  });

  it('a failing command stops the fix with "failed", its stderr and the whole plan', async () => {
    const failing = join(nastyDir, 'failing');
    writeFileSync(failing, '#!/bin/sh\necho "usermod: group \'docker\' does not exist" >&2\nexit 6\n');
    chmodSync(failing, 0o755);
    const commands = [[failing, '-aG', 'docker', 'alice'], [join(nastyDir, 'recorder'), 'never']];
    rmSync(recordFile, { force: true });
    const error = await runFix(plan(commands), { runner: createDirectRunner() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'failed', message: "failing failed with exit code 6: usermod: group 'docker' does not exist", details: { commands, failed: commands[0], exitCode: 6 } });
    expect(existsSync(recordFile)).toBe(false);
  });

  it('a binary path that is shell syntax and does not exist fails as "not installed", not as a shell error', async () => {
    const missing = join(nastyDir, `nope; touch ${PWNED[0]}`);
    const error = await runFix(plan([[missing, 'x']]), { runner: createDirectRunner() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'failed', message: `${missing} is not installed` });
    expectNothingPwned();
  });

  it('relative binaries and NUL bytes are refused before anything runs', async () => {
    for (const argv of [['usermod', '-aG', 'docker', 'alice'], [join(nastyDir, 'recorder'), 'a\0b']]) {
      const error = await runFix(plan([argv]), { runner: createDirectRunner() }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'invalid-input' });
    }
  });
});
