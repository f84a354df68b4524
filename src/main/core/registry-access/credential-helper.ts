/**
 * docker-credential-<name> as the docker CLI runs it (docker-credential-helpers' protocol): `store` reads
 * {ServerURL, Username, Secret} on stdin, `get` and `erase` read the server URL, `list` prints {url: username}.
 */
import { execFile } from 'node:child_process';
import { WharfError } from '../errors';

const TIMEOUT_MS = 20_000;
/** What helpers print when they have nothing for a server. */
const NOT_FOUND = /credentials not found/i;

export type HelperAction = 'store' | 'get' | 'erase' | 'list';

export function helperProgram(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) throw new WharfError('invalid-input', `not a credential helper name: ${name}`);
  return `docker-credential-${name}`;
}

export class HelperNotFound extends Error {}

/** Runs the helper by argv (no shell) with stdin; the secret is never part of an error message. */
export function runHelper(name: string, action: HelperAction, input: string, env: Record<string, string | undefined>): Promise<string> {
  const program = helperProgram(name);
  return new Promise((resolve, reject) => {
    const child = execFile(program, [action], { env: env as NodeJS.ProcessEnv, timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const said = `${stdout}`.trim() || `${stderr}`.trim();
      if (NOT_FOUND.test(said)) return reject(new HelperNotFound(said));
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new WharfError('not-found', `${program} is not installed (config.json names it as the credential store)`));
      reject(new WharfError('failed', `${program} ${action} failed: ${action === 'store' ? 'exit ' + String(error.code ?? '') : said.slice(0, 300)}`));
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

export async function helperStore(name: string, server: string, username: string, secret: string, env: Record<string, string | undefined>): Promise<void> {
  await runHelper(name, 'store', JSON.stringify({ ServerURL: server, Username: username, Secret: secret }), env);
}

export async function helperGet(name: string, server: string, env: Record<string, string | undefined>): Promise<{ username: string; secret: string } | undefined> {
  try {
    const out = JSON.parse(await runHelper(name, 'get', server, env)) as { Username?: string; Secret?: string };
    return { username: out.Username ?? '', secret: out.Secret ?? '' };
  } catch (error) {
    if (error instanceof HelperNotFound) return undefined;
    throw error;
  }
}

export async function helperErase(name: string, server: string, env: Record<string, string | undefined>): Promise<void> {
  try {
    await runHelper(name, 'erase', server, env);
  } catch (error) {
    if (!(error instanceof HelperNotFound)) throw error;
  }
}

export async function helperList(name: string, env: Record<string, string | undefined>): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await runHelper(name, 'list', '', env));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch (error) {
    if (error instanceof WharfError && error.code === 'not-found') throw error;
    // Some helpers do not implement list (or fail at it): logins are then looked up per server.
    return {};
  }
}
