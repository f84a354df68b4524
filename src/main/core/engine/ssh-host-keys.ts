/**
 * An ssh host Wharf has not seen: its key's fingerprint is shown and the user decides; nothing is accepted blindly.
 * Where ssh would look (`ssh -G`: the host name, port and known_hosts files after ~/.ssh/config), what the host
 * offers (`ssh-keyscan`), and the fingerprints (`ssh-keygen -l`) all come from OpenSSH's own tools. A host whose key
 * differs from the known one is never trusted here: the user removes the old key themselves (`ssh-keygen -R`).
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { WharfError } from '../errors';
import type { SshTarget } from './ssh-dial';

export interface SshResolved {
  hostname: string;
  port: string;
  /** The files ssh reads known hosts from, the user's own first (where a trusted key is added). */
  knownHostsFiles: string[];
  /** What known_hosts calls this host: `host`, `[host]:port`, or the HostKeyAlias. */
  knownName: string;
}

export interface ScannedKey {
  /** The known_hosts line for it. */
  line: string;
  /** "SHA256:…", as ssh prints it. */
  fingerprint: string;
  /** "ED25519", "RSA"… */
  type: string;
}

type Env = Record<string, string | undefined>;

function exec(file: string, args: string[], env: Env, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env: env as NodeJS.ProcessEnv, timeout: 15_000, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

function expandHome(path: string, env: Env): string {
  return path.startsWith('~/') && env.HOME ? join(env.HOME, path.slice(2)) : path;
}

/** `ssh -G`: what ssh makes of the target after the user's config. */
export async function resolveSsh(target: SshTarget, env: Env): Promise<SshResolved> {
  const args = ['-G', ...(target.user ? ['-l', target.user] : []), ...(target.port ? ['-p', target.port] : []), '--', target.host];
  const { code, stdout, stderr } = await exec('ssh', args, env);
  if (code !== 0) throw new WharfError('failed', `ssh -G ${target.host}: ${stderr.trim()}`);
  const settings = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) settings.set(line.slice(0, space).toLowerCase(), line.slice(space + 1));
  }
  const hostname = settings.get('hostname') ?? target.host;
  const port = settings.get('port') ?? '22';
  const alias = settings.get('hostkeyalias');
  const files = (settings.get('userknownhostsfile') ?? '~/.ssh/known_hosts').split(' ').filter(Boolean).map((f) => expandHome(f, env));
  return { hostname, port, knownHostsFiles: files, knownName: alias ?? (port === '22' ? hostname : `[${hostname}]:${port}`) };
}

/** The keys the host offers now, with their fingerprints. */
export async function scanHostKeys(resolved: SshResolved, env: Env): Promise<ScannedKey[]> {
  const scan = await exec('ssh-keyscan', ['-T', '5', '-p', resolved.port, '--', resolved.hostname], env);
  const lines = scan.stdout.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  if (lines.length === 0) throw new WharfError('engine-unreachable', `ssh-keyscan got no key from ${resolved.hostname}:${resolved.port}: ${scan.stderr.trim()}`);
  const keys: ScannedKey[] = [];
  for (const line of lines) {
    const [, keyType, key] = line.split(' ');
    if (!keyType || !key) continue;
    const known = `${resolved.knownName} ${keyType} ${key}`;
    const printed = await exec('ssh-keygen', ['-l', '-E', 'sha256', '-f', '-'], env, `${known}\n`);
    const match = /^\d+ (SHA256:\S+) .*\((\w+)\)\s*$/.exec(printed.stdout.trim());
    if (match?.[1] && match[2]) keys.push({ line: known, fingerprint: match[1], type: match[2] });
  }
  return keys;
}

/** Whether any known_hosts file already names this host (with any key). */
async function knownAnywhere(resolved: SshResolved, env: Env): Promise<boolean> {
  for (const file of resolved.knownHostsFiles) {
    const found = await exec('ssh-keygen', ['-F', resolved.knownName, '-f', file], env);
    if (found.code === 0 && found.stdout.trim() !== '') return true;
  }
  return false;
}

/**
 * Adds the host's key with the fingerprint the user saw to their known_hosts. Refused when the host now offers no
 * such key (it changed since it was shown) or when known_hosts already has a key for the host (a changed key).
 */
export async function trustHostKey(target: SshTarget, fingerprint: string, env: Env): Promise<void> {
  const resolved = await resolveSsh(target, env);
  if (await knownAnywhere(resolved, env)) {
    throw new WharfError('conflict', `known_hosts already has a key for ${resolved.knownName}, and the host now shows another: refused. If the host was reinstalled, remove the old key with ssh-keygen -R '${resolved.knownName}'`, { hostKeyChanged: true });
  }
  const keys = await scanHostKeys(resolved, env);
  const chosen = keys.find((k) => k.fingerprint === fingerprint);
  if (!chosen) throw new WharfError('conflict', `${resolved.knownName} no longer offers the key ${fingerprint} you saw: nothing was trusted`, { hostKeyChanged: true });
  const file = resolved.knownHostsFiles[0];
  if (!file) throw new WharfError('failed', 'ssh names no known_hosts file');
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const before = await readFile(file, 'utf8').catch(() => '');
  await appendFile(file, `${before === '' || before.endsWith('\n') ? '' : '\n'}${chosen.line}\n`, { mode: 0o600 });
}

