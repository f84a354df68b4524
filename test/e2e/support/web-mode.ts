import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningWebMode {
  /** The page's address, without any credential. */
  url: string;
  port: number;
  /** The master token (for `Authorization: Bearer`). */
  token: string;
  /** The login URL the server printed at start (single use, 60 s). */
  printedLoginUrl: string;
  /** A new single-use login URL, asked of the server with the master token (POST /api/login-ticket). */
  newLoginUrl(): Promise<string>;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** A new single-use login URL from a running server, asked with the master token like a script would. */
export async function requestLoginUrl(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}api/login-ticket`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`POST /api/login-ticket answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { url: string }).url;
}

const ROOT = join(__dirname, '../../..');
export const SERVE_ENTRY = join(ROOT, 'out/main/serve.js');

/** Starts the built web mode (`node out/main/serve.js`) exactly as `npm run serve` does, on a free port. */
export interface WebModeOptions {
  dockerHost: string;
  token: string;
  /**
   * How the token reaches the server: $WHARF_TOKEN (default, what the README recommends), the --token flag, or
   * none (the caller passes --token-file in extraArgs).
   */
  tokenVia?: 'env' | 'flag' | 'none';
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** The built entry to run (default out/main/serve.js of this checkout). */
  entry?: string;
  /** Run as another user (by setpriv), e.g. a throwaway user outside the socket's group. */
  runAs?: { uid: number; gid: number; groups: number[] };
}

export async function startWebMode(options: WebModeOptions): Promise<RunningWebMode> {
  if (!existsSync(SERVE_ENTRY)) throw new Error(`${SERVE_ENTRY} is missing: run \`npm run build\` first (npm test does it)`);
  const viaFlag = options.tokenVia === 'flag';
  const nodeArgs = [options.entry ?? SERVE_ENTRY, '--port', '0', ...(options.dockerHost ? ['--docker-host', options.dockerHost] : []), ...(viaFlag ? ['--token', options.token] : []), ...(options.extraArgs ?? [])];
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env) };
  if (options.tokenVia === undefined || options.tokenVia === 'env') env.WHARF_TOKEN = options.token;
  else delete env.WHARF_TOKEN;
  const runAs = options.runAs;
  const [file, args] = runAs
    ? [
        '/usr/bin/setpriv',
        [`--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, ...(runAs.groups.length ? [`--groups=${runAs.groups.join(',')}`] : ['--clear-groups']), process.execPath, ...nodeArgs],
      ]
    : [process.execPath, nodeArgs];
  const child = spawn(file, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const { url, port, printedLoginUrl } = await new Promise<{ url: string; port: number; printedLoginUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start within 20 s:\n${output}`)), 20_000);
    const check = (): void => {
      const serving = output.match(/serving on (https?:\/\/127\.0\.0\.1:(\d+)\/)/);
      const login = output.match(/wharf: open (\S+)/);
      if (serving && login) {
        clearTimeout(timer);
        resolve({ url: serving[1] ?? '', port: Number(serving[2]), printedLoginUrl: login[1] ?? '' });
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    port,
    token: options.token,
    printedLoginUrl,
    newLoginUrl: () => requestLoginUrl(url, options.token),
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
