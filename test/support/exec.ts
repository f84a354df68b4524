import { execFile, spawnSync } from 'node:child_process';

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** Exit code; -1 when the process could not be started or was killed (timeout, signal). */
  code: number;
}

export interface ExecOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

const MAX_BUFFER = 256 * 1024 * 1024;

/** Runs a program by argv (never through a shell) and resolves with its output, whatever the exit code. */
export function run(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      [...args],
      {
        encoding: 'utf8',
        maxBuffer: MAX_BUFFER,
        env: options.env ?? process.env,
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 0,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr, code: 0 });
          return;
        }
        if (typeof error.code === 'number') {
          resolve({ stdout, stderr, code: error.code });
          return;
        }
        // Not started (ENOENT…) or killed (timeout): say so in stderr.
        const separator = stderr === '' || stderr.endsWith('\n') ? '' : '\n';
        resolve({ stdout, stderr: `${stderr}${separator}[${file}: ${error.message}]`, code: -1 });
      },
    );
    child.stdin?.on('error', () => undefined); // the program may exit without reading its input
    child.stdin?.end(options.input ?? '');
  });
}

/** Like run() but throws (with stderr) on a non-zero exit. */
export async function runOk(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const result = await run(file, args, options);
  if (result.code !== 0) {
    throw new Error(`${file} ${args.join(' ')} exited with ${result.code}: ${result.stderr.trim()}`);
  }
  return result;
}

/** Synchronous variant for exit hooks and sweeping; never throws. */
export function runSync(file: string, args: readonly string[], timeoutMs = 30_000): ExecResult {
  const result = spawnSync(file, [...args], { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  return {
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? (result.error?.message ?? ''),
    code: result.status ?? -1,
  };
}
