/**
 * Runs one compose command: spawn with argv (never a shell), output read line by line with bounded memory (each line
 * cut at MAX_LINE characters, only the last TAIL_LINES kept for the answer), terminal escapes removed. Cancelling
 * sends SIGINT (compose stops what it started cleanly), then SIGKILL if it has not ended after KILL_AFTER_MS.
 */
import { spawn } from 'node:child_process';

export const TAIL_LINES = 400;
const MAX_LINE = 8192;
const KILL_AFTER_MS = 5_000;

export interface ComposeRun {
  /** Exit code; null when it was ended by a signal. */
  code: number | null;
  /** The last TAIL_LINES lines of stdout and stderr, interleaved as they came. */
  tail: string[];
  stdout: string;
  cancelled: boolean;
}

export interface RunOptions {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  signal?: AbortSignal;
  /** Each line as it comes (stdout and stderr alike). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Keep stdout whole (up to this many bytes) for commands that answer JSON. */
  keepStdout?: number;
}

// CSI sequences (colours, "erase line") compose prints even with --ansi never in some paths.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]|\r/g;

export function plainLine(line: string): string {
  return line.replace(ESCAPES, '').slice(0, MAX_LINE);
}

export function runCompose(options: RunOptions): Promise<ComposeRun> {
  return new Promise((resolve) => {
    const tail: string[] = [];
    let stdout = '';
    let cancelled = false;
    const child = spawn(options.file, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lineReader = (stream: 'stdout' | 'stderr'): ((chunk: Buffer) => void) => {
      let pending = '';
      const take = (raw: string): void => {
        const line = plainLine(raw);
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        options.onLine?.(line, stream);
      };
      const reader = (chunk: Buffer): void => {
        const text = chunk.toString('utf8');
        if (stream === 'stdout' && options.keepStdout !== undefined && stdout.length < options.keepStdout) stdout += text;
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        if (pending.length > MAX_LINE) {
          take(pending);
          pending = '';
        }
        for (const line of lines) take(line);
      };
      (stream === 'stdout' ? child.stdout : child.stderr).on('end', () => {
        if (pending !== '') take(pending);
      });
      return reader;
    };
    child.stdout.on('data', lineReader('stdout'));
    child.stderr.on('data', lineReader('stderr'));
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      cancelled = true;
      child.kill('SIGINT');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      tail.push(error.message);
      finish(127);
    });
    let done = false;
    const finish = (code: number | null): void => {
      if (done) return;
      done = true;
      if (killTimer !== undefined) clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ code, tail, stdout, cancelled });
    };
    child.on('close', (code) => finish(code));
  });
}
