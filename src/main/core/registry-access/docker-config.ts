/**
 * The docker CLI's config.json ($DOCKER_CONFIG or ~/.docker): read it, change one `auths` entry and keep every
 * other key as it was, write it atomically (temp file beside it, fsync, rename, mode 0600).
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../atomic-file';
import { WharfError } from '../errors';

export type ConfigJson = Record<string, unknown>;

export interface AuthEntry {
  auth?: string;
  identitytoken?: string;
  [key: string]: unknown;
}

export function configDirFrom(env: Record<string, string | undefined>, home: string): string {
  return env.DOCKER_CONFIG && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : join(home, '.docker');
}

export function encodeAuth(username: string, secret: string): string {
  return Buffer.from(`${username}:${secret}`, 'utf8').toString('base64');
}

/** `auth` → username and password; undefined when it is not base64 of user:pass. */
export function decodeAuth(auth: string | undefined): { username: string; secret: string } | undefined {
  if (!auth) return undefined;
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: text.slice(0, colon), secret: text.slice(colon + 1) };
}

export function authsOf(config: ConfigJson): Record<string, AuthEntry> {
  const auths = config.auths;
  return auths && typeof auths === 'object' && !Array.isArray(auths) ? (auths as Record<string, AuthEntry>) : {};
}

/** The helper that holds this server's secret: credHelpers[server], else credsStore, else none (the file). */
export function helperFor(config: ConfigJson, server: string): string | undefined {
  const helpers = config.credHelpers;
  if (helpers && typeof helpers === 'object' && typeof (helpers as Record<string, unknown>)[server] === 'string') {
    return (helpers as Record<string, string>)[server];
  }
  return typeof config.credsStore === 'string' && config.credsStore !== '' ? config.credsStore : undefined;
}

/** A copy of config with auths[server] set (or removed with undefined); every other key and entry untouched. */
export function withAuth(config: ConfigJson, server: string, entry: AuthEntry | undefined): ConfigJson {
  const auths = { ...authsOf(config) };
  if (entry === undefined) delete auths[server];
  else auths[server] = entry;
  return { ...config, auths };
}

export interface LoadedConfig {
  path: string;
  config: ConfigJson;
}

/** A missing file is `{}`; a file that does not parse is never overwritten: the user is told where it breaks. */
export async function readDockerConfig(dir: string): Promise<LoadedConfig> {
  const path = join(dir, 'config.json');
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, config: {} };
    throw error;
  }
  if (text.trim() === '') return { path, config: {} };
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
    return { path, config: parsed as ConfigJson };
  } catch (error) {
    throw new WharfError('failed', `${path} does not parse (${(error as Error).message}); fix it first, Wharf leaves it as it is`);
  }
}

/** Writes config.json like the CLI (tab-indented) through a temp file and rename; a symlinked file is written where it points. */
export async function writeDockerConfig(path: string, config: ConfigJson): Promise<void> {
  await writeDockerConfigText(path, `${JSON.stringify(config, null, '\t')}\n`);
}

/** Replaces config.json's text atomically (temp file beside its target, fsync, rename, mode 0600). */
export async function writeDockerConfigText(path: string, text: string): Promise<void> {
  let target = path;
  try {
    target = await fs.realpath(path);
  } catch {
    // No config.json yet: write a new one, making its folder if need be.
    await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  }
  await writeFileAtomic(target, text, 0o600);
}
