/**
 * Wharf's root helper for daemon.json (resources/wharf-daemon-json): where it is, the argv of its one verb, and the
 * conversation with it. One privileged call does the whole change — checks, backup, atomic write, reload — answers,
 * then waits for Wharf's verdict on stdin: `commit`, or `rollback` (backup back, engine back on it). So pkexec asks
 * for the password once, rollback included; and when Wharf goes away or hangs, the helper rolls back by itself.
 */
import { REGISTRY_MIRRORS_REFUSALS, type RegistryMirrorsRefusal, type PlannedCommand } from '../../../shared/registry-mirrors';
import type { ErrorCode } from '../../../shared/errors';
import { WharfError } from '../errors';
import type { Conversation } from '../privilege/conversation';
import type { PrivilegeRunner } from '../privilege/privilege-runner';

export { defaultHelperPath, HELPER_NAME } from '../privilege/root-helper-path';

/** How long the helper waits for the verdict, in seconds (its --confirm-timeout accepts 5 to 600). */
export const CONFIRM_TIMEOUT_RANGE = { min: 5, max: 600 } as const;

export interface HelperTarget {
  helper: string;
  socket: string;
  config: string;
}

/**
 * `apply`: the new file goes on stdin (its byte count in argv, so the verdict can follow it there); the hash is the
 * one the plan was made from ('' = the file did not exist).
 */
export function helperApply(t: HelperTarget, expectedHash: string, newText: string, confirmTimeoutS: number, o: { restart?: boolean; private?: boolean } = {}): PlannedCommand {
  const timeout = Math.min(CONFIRM_TIMEOUT_RANGE.max, Math.max(CONFIRM_TIMEOUT_RANGE.min, Math.ceil(confirmTimeoutS)));
  return {
    argv: [
      t.helper,
      'apply',
      '--socket',
      t.socket,
      '--config',
      t.config,
      '--expect-sha256',
      expectedHash === '' ? 'absent' : expectedHash,
      '--bytes',
      String(Buffer.byteLength(newText, 'utf8')),
      '--confirm-timeout',
      String(timeout),
      // What dockerd reads at start only (its proxy) takes a restart; a password in the file keeps it root's alone.
      ...(o.restart ? ['--then', 'restart'] : []),
      ...(o.private ? ['--private', 'yes'] : []),
    ],
    stdin: newText,
  };
}

/** The first answer: the new file is in place (and the engine told to reload), the helper waits for the verdict. */
export interface HelperWritten {
  ok: true;
  verb: 'apply';
  path: string;
  backup: string | null;
  pid: number;
  service: 'systemd' | 'sysv' | 'none';
  /** 'failed': the file was written but the engine could not be told to reload (detail says why). */
  reload?: 'systemd' | 'signal' | 'failed';
  /** With --then restart, instead of reload: 'none' — no service runs this dockerd, Wharf restarts it. */
  restart?: 'systemd' | 'sysv' | 'none' | 'failed';
  detail?: string;
  /** Seconds the helper waits for the verdict. */
  timeout: number;
}

export interface HelperCommitted {
  ok: true;
  verb: 'commit';
  path: string;
  backup: string | null;
}

export interface HelperRolledBack {
  ok: true;
  verb: 'rollback';
  /** Wharf asked; or the helper did by itself: no verdict in time, end of input (Wharf went away), another line. */
  why: 'asked' | 'timeout' | 'no-answer' | 'bad-answer';
  path: string;
  backup: string | null;
  /** A dockerd still served the socket: reloaded ('none': it does not use this file). */
  reload?: 'systemd' | 'signal' | 'none';
  /** None did: its service restarted ('none': no service runs it, Wharf must start it). */
  restart?: 'systemd' | 'sysv' | 'none';
}

export type HelperAnswer = HelperWritten | HelperCommitted | HelperRolledBack;

const CODES: Partial<Record<RegistryMirrorsRefusal, ErrorCode>> = {
  changed: 'conflict',
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
export function refusalError(reason: RegistryMirrorsRefusal, path: string, message: string, extra: Record<string, unknown> = {}): WharfError {
  return new WharfError(CODES[reason] ?? 'unsupported', message, { reason, path, ...extra });
}

const VERBS: ReadonlySet<unknown> = new Set(['apply', 'commit', 'rollback']);

/** One line of the helper: its answer, or the coded error it stands for (a refusal, or a line Wharf cannot read). */
export function helperAnswer(line: string, helper: string): HelperAnswer {
  let value: { ok?: unknown; verb?: unknown; reason?: unknown; path?: unknown; detail?: unknown } | undefined;
  try {
    const parsed = JSON.parse(line) as unknown;
    value = parsed && typeof parsed === 'object' ? (parsed as typeof value) : undefined;
  } catch {
    value = undefined; // not JSON: refused just below as an answer Wharf cannot read
  }
  if (value?.ok === true && VERBS.has(value.verb)) return value as HelperAnswer;
  if (value?.ok !== false) throw refusalError('helper-answer', helper, `${helper} gave no answer Wharf understands`);
  const known = (REGISTRY_MIRRORS_REFUSALS as readonly unknown[]).includes(value.reason);
  const reason = known ? (value.reason as RegistryMirrorsRefusal) : 'helper-answer';
  const path = typeof value.path === 'string' ? value.path : '';
  const detail = typeof value.detail === 'string' && value.detail !== '' ? value.detail : undefined;
  const message = `the root helper refused: ${String(value.reason)}${path ? ` (${path})` : ''}${detail ? `: ${detail}` : ''}`;
  throw refusalError(reason, path, message, detail ? { detail } : {});
}

/** The helper's next line as its answer; no line: why the call ended (pkexec's refusal, a helper that did not start). */
async function nextAnswer(conversation: Conversation, helper: string): Promise<HelperAnswer> {
  const line = await conversation.readLine();
  if (line === undefined) {
    await conversation.done;
    throw refusalError('helper-answer', helper, `${helper} gave no answer`);
  }
  return helperAnswer(line, helper);
}

export interface HelperApply {
  /** What the helper did before it began to wait. */
  written: HelperWritten;
  /** The line the helper answered, as it wrote it (for the task's log). */
  writtenLine: string;
  /**
   * Tells the waiting helper to keep the new file or to put the old one back, and answers what it did — a rollback
   * also when the helper had already rolled back by itself. The first verdict counts; later calls get its answer.
   */
  decide(verdict: 'commit' | 'rollback'): Promise<HelperCommitted | HelperRolledBack>;
}

/**
 * Starts the helper's apply as one privileged call and waits for its first answer. A refusal (nothing changed) or
 * pkexec's own refusal rejects; then no verdict is needed.
 */
export async function startHelperApply(runner: PrivilegeRunner, command: PlannedCommand): Promise<HelperApply> {
  const [binary = '', ...args] = command.argv;
  const conversation = runner.open({ binary, args, ...(command.stdin !== undefined ? { stdin: command.stdin } : {}) });
  let first: HelperAnswer;
  let firstLine = '';
  try {
    const line = await conversation.readLine();
    if (line === undefined) {
      await conversation.done;
      throw refusalError('helper-answer', binary, `${binary} gave no answer`);
    }
    firstLine = line;
    first = helperAnswer(line, binary);
  } catch (error) {
    // Whatever the helper is doing, end of input makes it put things back.
    conversation.closeInput();
    throw error;
  }
  if (first.verb !== 'apply') {
    conversation.closeInput();
    throw refusalError('helper-answer', binary, `${binary} answered ${first.verb} before it was asked`);
  }
  let decided: Promise<HelperCommitted | HelperRolledBack> | undefined;
  return {
    written: first,
    writtenLine: firstLine,
    decide(verdict) {
      decided ??= (async () => {
        conversation.write(`${verdict}\n`);
        conversation.closeInput();
        const answer = await nextAnswer(conversation, binary);
        // Ended: a rollback exits 5, which is no failure here; the answer says what happened.
        await conversation.done.catch(() => undefined);
        if (answer.verb === 'apply') throw refusalError('helper-answer', binary, `${binary} answered apply twice`);
        return answer;
      })();
      return decided;
    },
  };
}
