/**
 * Wharf's root helper for daemon.json (resources/wharf-daemon-json): where it is, the argv of its two verbs, and
 * its one-line JSON answer. One call does the whole privileged part of an apply — checks, backup, atomic write,
 * reload — so pkexec asks for the password once.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DAEMON_CONFIG_REFUSALS, type DaemonConfigRefusal, type PlannedCommand } from '../../../shared/registry-mirrors';
import type { ErrorCode } from '../../../shared/errors';
import { WharfError } from '../errors';
import type { PrivilegeRunner } from '../privilege/privilege-runner';

export const HELPER_NAME = 'wharf-daemon-json';

/**
 * The helper beside the app: resources/ of a packaged Electron app, else the first resources/ folder above this
 * module (out/main when built, src/main/core/daemon-config under the tests).
 */
export function defaultHelperPath(here: string = __dirname): string | undefined {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, HELPER_NAME))) return join(packaged, HELPER_NAME);
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', HELPER_NAME);
    if (existsSync(candidate)) return candidate;
    if (dir === dirname(dir)) return undefined;
  }
}

export interface HelperTarget {
  helper: string;
  socket: string;
  config: string;
}

/** `apply`: the new file goes on stdin; the hash is the one the plan was made from ('' = the file did not exist). */
export function helperApply(t: HelperTarget, expectedHash: string, newText: string): PlannedCommand {
  return { argv: [t.helper, 'apply', '--socket', t.socket, '--config', t.config, '--expect-sha256', expectedHash === '' ? 'absent' : expectedHash], stdin: newText };
}

export function helperRestore(t: HelperTarget, backup: string | undefined, then: 'reload' | 'restart'): PlannedCommand {
  return { argv: [t.helper, 'restore', '--socket', t.socket, '--config', t.config, '--backup', backup ?? 'absent', '--then', then] };
}

export interface HelperApplied {
  ok: true;
  verb: 'apply';
  path: string;
  backup: string | null;
  pid: number;
  service: 'systemd' | 'sysv' | 'none';
  reload: 'systemd' | 'signal';
}

export interface HelperRestored {
  ok: true;
  verb: 'restore';
  path: string;
  backup: string | null;
  reload?: 'systemd' | 'signal' | 'none';
  restart?: 'systemd' | 'sysv' | 'none';
}

interface HelperRefused {
  ok: false;
  reason: string;
  path?: string;
  detail?: string;
}

const CODES: Partial<Record<DaemonConfigRefusal, ErrorCode>> = {
  changed: 'conflict',
  'restore-unknown': 'conflict',
  'too-large': 'invalid-input',
  'bad-argument': 'invalid-input',
  'backup-failed': 'failed',
  'write-failed': 'failed',
  'reload-failed': 'failed',
  'restore-failed': 'failed',
  'restart-failed': 'failed',
  'helper-answer': 'failed',
};

/** The coded error for a refusal (the reason and path go in details for the translated text). */
export function refusalError(reason: DaemonConfigRefusal, path: string, message: string, extra: Record<string, unknown> = {}): WharfError {
  return new WharfError(CODES[reason] ?? 'unsupported', message, { reason, path, ...extra });
}

function answerOf(stdout: unknown): HelperApplied | HelperRestored | HelperRefused | undefined {
  if (typeof stdout !== 'string') return undefined;
  const line = stdout.trim().split('\n').at(-1) ?? '';
  try {
    const value = JSON.parse(line) as { ok?: unknown };
    return value && typeof value === 'object' && typeof value.ok === 'boolean' ? (value as HelperApplied | HelperRestored | HelperRefused) : undefined;
  } catch {
    return undefined;
  }
}

/** The failed call's stdout: the pkexec runner keeps it in details, execFile's error carries it. */
function stdoutOf(error: unknown): unknown {
  const e = error as { stdout?: unknown; details?: { stdout?: unknown } } | undefined;
  return e?.details?.stdout ?? e?.stdout;
}

/** Runs the helper through the privilege runner (pkexec, or directly as root) and reads its answer. */
export async function runHelper(runner: PrivilegeRunner, command: PlannedCommand): Promise<HelperApplied | HelperRestored> {
  const [binary = '', ...args] = command.argv;
  let answer: ReturnType<typeof answerOf>;
  try {
    answer = answerOf((await runner.run({ binary, args, ...(command.stdin !== undefined ? { stdin: command.stdin } : {}) })).stdout);
  } catch (error) {
    answer = answerOf(stdoutOf(error));
    // No answer: pkexec's own refusal (dismissed, not authorized) or a helper that did not start.
    if (answer === undefined) throw error;
  }
  if (answer === undefined) throw refusalError('helper-answer', binary, `${binary} gave no answer`);
  if (answer.ok) return answer;
  const reason = (DAEMON_CONFIG_REFUSALS as readonly string[]).includes(answer.reason) ? (answer.reason as DaemonConfigRefusal) : 'helper-answer';
  const path = answer.path ?? '';
  const message = `the root helper refused: ${answer.reason}${path ? ` (${path})` : ''}${answer.detail ? `: ${answer.detail}` : ''}`;
  return Promise.reject(refusalError(reason, path, message, answer.detail ? { detail: answer.detail } : {}));
}
