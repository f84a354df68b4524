/**
 * The docker CLI's context store, read and written as the CLI does (docker/cli cli/context/store):
 * `contexts/meta/<sha256(name)>/meta.json` (0644 in 0755 folders) and the TLS files in
 * `contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem` (0600 in 0700 folders), under $DOCKER_CONFIG or ~/.docker.
 * The CLI's current context is config.json's `currentContext`, changed by editing that one member's bytes.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { WharfError } from '../errors';
import { contextDigest } from '../engine/resolve-endpoint';
import { writeDockerConfigText } from '../registry-access/docker-config';
import { setTopLevelString } from './config-json-edit';

export interface StoredContext {
  name: string;
  description: string;
  host: string;
  skipTlsVerify: boolean;
  tls: boolean;
  /** The meta file could not be read as a context: the CLI's ERROR column. */
  error?: string;
}

export interface NewContext {
  name: string;
  description?: string;
  host: string;
  skipTlsVerify: boolean;
  /** PEM text of each file given. */
  tls: { ca?: string; cert?: string; key?: string };
}

interface ContextMeta {
  Name?: unknown;
  Metadata?: { Description?: unknown };
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

const metaDir = (configDir: string): string => join(configDir, 'contexts', 'meta');
const tlsDir = (configDir: string): string => join(configDir, 'contexts', 'tls');

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}

async function readMeta(configDir: string, digest: string): Promise<StoredContext | undefined> {
  const path = join(metaDir(configDir), digest, 'meta.json');
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch {
    return undefined; // a folder without meta.json is not a context (the CLI skips it too)
  }
  const tls = await exists(join(tlsDir(configDir), digest, 'docker'));
  let meta: ContextMeta;
  try {
    meta = JSON.parse(text) as ContextMeta;
  } catch (error) {
    return { name: digest, description: '', host: '', skipTlsVerify: false, tls, error: `${path}: ${(error as Error).message}` };
  }
  const name = typeof meta.Name === 'string' ? meta.Name : digest;
  const docker = meta.Endpoints?.docker;
  const description = typeof meta.Metadata?.Description === 'string' ? meta.Metadata.Description : '';
  const host = typeof docker?.Host === 'string' ? docker.Host : '';
  return { name, description, host, skipTlsVerify: docker?.SkipTLSVerify === true, tls };
}

/** Every context in the store (not "default", which the CLI makes up from the environment). */
export async function listContexts(configDir: string): Promise<StoredContext[]> {
  let digests: string[];
  try {
    digests = await fs.readdir(metaDir(configDir));
  } catch {
    return [];
  }
  const found = await Promise.all(digests.map((digest) => readMeta(configDir, digest)));
  return found.filter((c): c is StoredContext => c !== undefined);
}

export async function contextExists(configDir: string, name: string): Promise<boolean> {
  return exists(join(metaDir(configDir), contextDigest(name), 'meta.json'));
}

/** Writes a new context; the caller has checked the name and host. A name taken is a conflict at the name field. */
export async function createContext(configDir: string, context: NewContext): Promise<void> {
  const digest = contextDigest(context.name);
  const dir = join(metaDir(configDir), digest);
  await fs.mkdir(metaDir(configDir), { recursive: true, mode: 0o755 });
  try {
    await fs.mkdir(dir, { mode: 0o755 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new WharfError('conflict', `context "${context.name}" already exists`, { problems: { name: 'exists' } });
    }
    throw error;
  }
  try {
    const files = Object.entries(context.tls).filter((entry): entry is [string, string] => entry[1] !== undefined);
    if (files.length > 0) {
      const dockerTls = join(tlsDir(configDir), digest, 'docker');
      await fs.mkdir(dockerTls, { recursive: true, mode: 0o700 });
      for (const [kind, pem] of files) await fs.writeFile(join(dockerTls, `${kind}.pem`), pem, { mode: 0o600, flag: 'wx' });
    }
    const meta = {
      Name: context.name,
      Metadata: context.description ? { Description: context.description } : {},
      Endpoints: { docker: { Host: context.host, SkipTLSVerify: context.skipTlsVerify } },
    };
    await fs.writeFile(join(dir, 'meta.json'), JSON.stringify(meta), { mode: 0o644, flag: 'wx' });
  } catch (error) {
    // Half a context would show in `docker context ls` with an error: take back what was written.
    await removeContextFiles(configDir, context.name);
    throw error;
  }
}

/** Removes a context's meta and TLS folders, as `docker context rm` does. */
export async function removeContextFiles(configDir: string, name: string): Promise<void> {
  const digest = contextDigest(name);
  await fs.rm(join(metaDir(configDir), digest), { recursive: true, force: true });
  await fs.rm(join(tlsDir(configDir), digest), { recursive: true, force: true });
}

/** config.json's currentContext ("" when unset); a file that does not parse is refused, never guessed around. */
export async function readCurrentContext(configDir: string): Promise<string> {
  const text = await readConfigText(configDir);
  if (text === undefined || text.trim() === '') return '';
  try {
    const value = (JSON.parse(text) as { currentContext?: unknown }).currentContext;
    return typeof value === 'string' ? value : '';
  } catch (error) {
    throw new WharfError('failed', `${join(configDir, 'config.json')} does not parse (${(error as Error).message}); fix it first, Wharf leaves it as it is`);
  }
}

async function readConfigText(configDir: string): Promise<string | undefined> {
  try {
    return await fs.readFile(join(configDir, 'config.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `docker context use NAME`: sets config.json's currentContext, or removes it for "default" (as the CLI does); every
 * other byte of the file stays as it was.
 */
export async function setCurrentContext(configDir: string, name: string): Promise<void> {
  const path = join(configDir, 'config.json');
  const text = await readConfigText(configDir);
  const edited = setTopLevelString(text ?? '', 'currentContext', name === 'default' ? undefined : name);
  if (!edited.ok) {
    throw new WharfError('failed', `${path} does not parse at line ${edited.problem.line}, column ${edited.problem.column} (${edited.problem.message}); fix it first, Wharf leaves it as it is`);
  }
  if (edited.text !== (text ?? '')) await writeDockerConfigText(path, edited.text);
}
