/**
 * wharf.log: the trail a user can send. JSON lines written by pino (levels, timestamps, error serialisation,
 * redaction), rotated at 5 MB with 3 older files kept (wharf.log.1 newest), under $XDG_STATE_HOME/wharf (default
 * ~/.local/state/wharf) — on the desktop and in web mode alike.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import type { Logger } from './log';

export const LOG_FILE_NAME = 'wharf.log';
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const KEPT_FILES = 3;

/**
 * The file pino writes to: synchronous appends (a log line is small and rare; nothing is lost in a crash) and
 * logrotate's numbering when the file passes the size. (rotating-file-stream was tried first: it dropped lines
 * written in a burst across two rotations.)
 */
function rotatingFile(path: string): { write(line: string): void } {
  const open = (): number => openSync(path, 'a', 0o600);
  let fd = open();
  let size = fstatSync(fd).size;
  return {
    write(line: string): void {
      if (size > 0 && size + Buffer.byteLength(line) > MAX_FILE_BYTES) {
        closeSync(fd);
        for (let i = KEPT_FILES - 1; i >= 1; i--) if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
        renameSync(path, `${path}.1`);
        fd = open();
        size = 0;
      }
      writeSync(fd, line);
      size += Buffer.byteLength(line);
    },
  };
}

/** The folder Wharf logs to: $XDG_STATE_HOME/wharf, else ~/.local/state/wharf (XDG Base Directory spec). */
export function logDirectory(env: Record<string, string | undefined>, home: string): string {
  const state = env.XDG_STATE_HOME;
  return join(state && state.startsWith('/') ? state : join(home, '.local/state'), 'wharf');
}

/** Keys whose values never reach the file, wherever they appear in a line's fields. */
const SECRET_KEYS = ['password', 'token', 'secret', 'auth', 'authorization', 'identitytoken', 'registrytoken', 'ticket', 'session'];
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export interface FileLogger extends Logger {
  readonly path: string;
  /** The last `count` lines of the log (current file, then the one before it if needed). */
  tail(count: number): string[];
}

/** Opens (creating the folder, mode 0700: the log names images, hosts and paths) the rotating log. */
export function createFileLogger(dir: string, also?: Logger): FileLogger {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, LOG_FILE_NAME);
  const file = rotatingFile(path);
  // A log that cannot be written must not take Wharf down: say it once on stderr and go on without it.
  let broken = false;
  const stream = {
    write(line: string): void {
      if (broken) return;
      try {
        file.write(line);
      } catch (error) {
        broken = true;
        process.stderr.write(`wharf: cannot write ${path}: ${(error as Error).message}\n`);
      }
    },
  };
  const out = pino({ base: undefined, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, stream);
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (!broken) out[level](fields ?? {}, message);
      also?.[level](message, fields);
    };
  return {
    path,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    tail(count) {
      const lines = (file: string): string[] => {
        try {
          return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
        } catch {
          return []; // not written yet, or rotated away: fewer lines, not an error
        }
      };
      const current = lines(path);
      const older = current.length < count ? lines(`${path}.1`) : [];
      return [...older, ...current].slice(-count);
    },
  };
}

/** The file logger, or — when its folder cannot be made (no home, read-only) — `fallback` alone, said once. */
export function openLogFile(dir: string, fallback: Logger): Logger {
  try {
    return createFileLogger(dir, fallback);
  } catch (error) {
    fallback.warn('wharf.log cannot be opened; logging to stderr only', { dir, error });
    return fallback;
  }
}
