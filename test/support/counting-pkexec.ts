/**
 * A stand-in for pkexec that logs each call (one line: its arguments) and then runs the program as pkexec does:
 * as root (the tests are root), with an empty environment of its own, stdin and stdout passed through. Counting its
 * lines counts the password prompts a desktop user would have seen. pkexec's own option that Wharf passes first
 * (--disable-internal-agent) is taken off as pkexec does; the log holds the program's argv.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPkexecRunner } from '../../src/main/core/privilege/pkexec-runner';
import type { PrivilegeRunner } from '../../src/main/core/privilege/privilege-runner';

export interface CountingPkexec {
  /** The stand-in's path (for spawning it by hand as Wharf would). */
  path: string;
  runner: PrivilegeRunner;
  /** Each call so far: the arguments it was given, space-joined. */
  calls(): string[];
  remove(): void;
}

export function createCountingPkexec(): CountingPkexec {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-pkexec-'));
  const log = path.join(dir, 'calls.log');
  const pkexec = path.join(dir, 'pkexec');
  fs.writeFileSync(pkexec, `#!/bin/sh\n[ "$1" = --disable-internal-agent ] && shift\nprintf '%s\\n' "$*" >> '${log}'\nexec /usr/bin/env -i "$@"\n`, { mode: 0o755 });
  return {
    path: pkexec,
    runner: createPkexecRunner({ pkexecPath: pkexec }),
    calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((line) => line !== '') : []),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
