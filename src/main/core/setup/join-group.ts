/**
 * The root helper's join-group verb (resources/wharf-daemon-json): groupadd when the group is missing and usermod -a -G,
 * in one privileged call — one password prompt for "add me to the docker group". Its refusals come back as coded
 * errors: exit 2 bad arguments (invalid-input), 3 refused with nothing changed (the user does not exist: not-found),
 * 4 failed part way (failed); the helper's one-line answer says why.
 */
import type { CommandLine } from '../../../shared/setup';
import { WharfError } from '../errors';

export function joinGroupCommand(helper: string, group: string, user: string): CommandLine {
  return [helper, 'join-group', '--group', group, '--user', user];
}

interface HelperRefusal {
  reason?: unknown;
  path?: unknown;
  detail?: unknown;
}

function answerOf(stdout: unknown): HelperRefusal {
  if (typeof stdout !== 'string') return {};
  try {
    const value = JSON.parse(stdout.trim().split('\n').pop() ?? '') as unknown;
    return value && typeof value === 'object' ? (value as HelperRefusal) : {};
  } catch {
    return {};
  }
}

/**
 * The helper's own refusal as a coded error (from the pkexec runner: a 'failed' WharfError with the exit code and
 * stdout in details; from the direct runner: execFile's error); pkexec's own answers (cancelled, not authorized, no
 * agent) and anything else pass unchanged.
 */
export function joinGroupError(error: unknown): unknown {
  const wharf = error instanceof WharfError;
  if (wharf && error.code !== 'failed') return error;
  const e = (wharf ? (error.details ?? {}) : (error ?? {})) as { exitCode?: unknown; code?: unknown; stdout?: unknown };
  const exitCode = wharf ? e.exitCode : e.code;
  if (exitCode !== 2 && exitCode !== 3) return error;
  const answer = answerOf(e.stdout);
  const reason = typeof answer.reason === 'string' ? answer.reason : 'helper-answer';
  const said = [reason, answer.path, answer.detail].filter((p): p is string => typeof p === 'string' && p !== '').join(': ');
  const message = `the root helper refused to add the user to the group (${said})`;
  const details = { exitCode, reason, ...(typeof e.stdout === 'string' ? { stdout: e.stdout } : {}) };
  if (exitCode === 2) return new WharfError('invalid-input', message, details);
  return new WharfError(reason === 'no-user' ? 'not-found' : 'unsupported', message, details);
}
