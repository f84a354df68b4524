import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningWebMode {
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '../../..');
export const SERVE_ENTRY = join(ROOT, 'out/main/serve.js');

/** Starts the built web mode (`node out/main/serve.js`) exactly as `npm run serve` does, on a free port. */
export interface WebModeOptions {
  dockerHost: string;
  token: string;
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** The built entry to run (default out/main/serve.js of this checkout). */
  entry?: string;
  /** Run as another user (by setpriv), e.g. a throwaway user outside the socket's group. */
  runAs?: { uid: number; gid: number; groups: number[] };
}

export async function startWebMode(options: WebModeOptions): Promise<RunningWebMode> {
  if (!existsSync(SERVE_ENTRY)) throw new Error(`${SERVE_ENTRY} is missing: run \`npm run build\` first (npm test does it)`);
  const nodeArgs = [options.entry ?? SERVE_ENTRY, '--port', '0', '--docker-host', options.dockerHost, '--token', options.token, ...(options.extraArgs ?? [])];
  const runAs = options.runAs;
  const [file, args] = runAs
    ? [
        '/usr/bin/setpriv',
        [`--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, ...(runAs.groups.length ? [`--groups=${runAs.groups.join(',')}`] : ['--clear-groups']), process.execPath, ...nodeArgs],
      ]
    : [process.execPath, nodeArgs];
  const child = spawn(file, args, {
    cwd: ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start within 20 s:\n${output}`)), 20_000);
    const check = (): void => {
      const m = output.match(/serving on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token: options.token,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
