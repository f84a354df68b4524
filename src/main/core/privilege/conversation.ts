/**
 * A command that stays in conversation with Wharf: spawned with argv (never a shell), its stdin kept open after the
 * first content, its stdout read line by line. Wharf's root helper answers once it has written daemon.json and then
 * waits for Wharf's verdict on stdin, within the same privileged call.
 */
import { spawn } from 'node:child_process';
import type { PrivilegedResult } from './privileged-command';

export interface Conversation {
  /** The next line the command writes, without its newline; undefined once its stdout has ended. */
  readLine(): Promise<string | undefined>;
  /** Writes to its stdin; nothing happens once stdin is closed or the command has gone. */
  write(text: string): void;
  /** Closes its stdin: the command reads end of input. */
  closeInput(): void;
  /**
   * Settles when the command has exited and its output ended: its whole stdout and stderr, or an error carrying
   * `code` (the exit code, or a spawn error's code such as ENOENT), `signal`, `stdout` and `stderr` as execFile's do.
   */
  done: Promise<PrivilegedResult>;
}

/** What is kept of stdout and stderr (a command that talks more than this is cut, not buffered without end). */
const MAX_OUTPUT = 16 * 1024 * 1024;

export function converse(binary: string, args: string[], firstInput?: string): Conversation {
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let pending = '';
  let ended = false;
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];

  const deliver = (): void => {
    while (waiting.length > 0 && (lines.length > 0 || ended)) waiting.shift()?.(lines.shift());
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    if (stdout.length < MAX_OUTPUT) stdout += chunk;
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
    if (pending.length > MAX_OUTPUT) pending = '';
    deliver();
  });
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < MAX_OUTPUT) stderr += chunk;
  });
  const endOutput = (): void => {
    if (ended) return;
    if (pending !== '') lines.push(pending);
    pending = '';
    ended = true;
    deliver();
  };
  child.stdout.on('end', endOutput);
  // The command may exit before it read what was written (EPIPE): what it answered says what happened.
  child.stdin.on('error', () => undefined);

  const done = new Promise<PrivilegedResult>((resolve, reject) => {
    child.on('error', (error) => {
      endOutput();
      reject(Object.assign(error, { stdout, stderr }));
    });
    child.on('close', (code, signal) => {
      endOutput();
      if (code === 0) resolve({ stdout, stderr });
      else reject(Object.assign(new Error(`${binary} exited ${code === null ? `on ${signal ?? 'a signal'}` : `with code ${code}`}`), { code: code ?? undefined, signal, stdout, stderr }));
    });
  });
  // Callers that only read lines need not await done: its rejection is not an unhandled one.
  done.catch(() => undefined);

  const writable = (): boolean => !child.stdin.destroyed && !child.stdin.writableEnded;
  if (firstInput !== undefined) child.stdin.write(firstInput);
  return {
    readLine: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        deliver();
      }),
    write: (text) => {
      if (writable()) child.stdin.write(text);
    },
    closeInput: () => {
      if (writable()) child.stdin.end();
    },
    done,
  };
}
