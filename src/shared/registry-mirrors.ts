/**
 * Registry mirrors and insecure registries as daemon.json holds them (`registry-mirrors`, `insecure-registries`):
 * the checks the engine would make (so a typo never reaches the file); the presets are data (mirror-presets.json).
 * Mirrors only apply to Docker Hub images (docker.io); other registries need a prefix mirror (prefix-mirrors.ts).
 */
import type { LogDefaults, LogDefaultsProblem } from './container-logs';
import type { ProxyCheck, ProxyField, ProxySettings } from './engine-proxy';
import type { CommandLine } from './setup';

/** Why an entry cannot be written; i18n keys under registryMirrors.problem. */
export type EntryProblem =
  | 'empty'
  | 'not-a-url'
  | 'scheme'
  | 'unsupported-scheme'
  | 'path'
  | 'credentials'
  | 'duplicate'
  | 'has-scheme'
  | 'not-host-or-cidr'
  | 'bad-port'
  | 'bad-cidr';

/** A note that does not block (i18n key under registryMirrors.note). */
export type EntryNote = 'loopback-not-needed' | 'plain-http-mirror';

export interface EntryCheck {
  /** As typed. */
  input: string;
  /** What goes into the file (trimmed, normalized) when the entry is valid. */
  value?: string;
  problem?: EntryProblem;
  note?: EntryNote;
}

/** A mirror as dockerd keeps it, without the trailing slash it adds (for comparing with GET /info). */
export function normalizeMirror(raw: string): { value: string } | { problem: EntryProblem } {
  const text = raw.trim();
  if (text === '') return { problem: 'empty' };
  // Checked here, not left to URL: Chromium's parser takes "http://a b" and writes "http://a%20b".
  if (/\s/.test(text)) return { problem: 'not-a-url' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { problem: /^[^/:\s]+(:\d+)?(\/\S*)?$/.test(text) ? 'scheme' : 'not-a-url' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'not-a-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'unsupported-scheme' };
  if (url.username !== '' || url.password !== '') return { problem: 'credentials' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || text.includes('?')) return { problem: 'path' };
  if (url.hostname === '' || !(HOSTNAME.test(url.hostname) || IPV4.test(url.hostname) || /^\[[0-9a-f:.]+\]$/i.test(url.hostname))) return { problem: 'not-a-url' };
  return { value: `${url.protocol}//${url.host}` };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV6 = /^[0-9a-f:.]+$/i;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}

function checkCidr(text: string): EntryCheck {
  const [address = '', bits = ''] = text.split('/');
  const v4 = IPV4.test(address);
  const max = v4 ? 32 : 128;
  if ((!v4 && !(IPV6.test(address) && address.includes(':'))) || !/^\d{1,3}$/.test(bits) || Number(bits) > max) {
    return { input: text, problem: 'bad-cidr' };
  }
  const value = v4 ? `${ipv4Network(address, Number(bits))}/${Number(bits)}` : text.toLowerCase();
  return { input: text, value, ...(isLoopback(address) ? { note: 'loopback-not-needed' as const } : {}) };
}

/** The network address of an IPv4 CIDR, as dockerd keeps it (10.1.2.3/8 → 10.0.0.0). */
function ipv4Network(address: string, bits: number): string {
  const n = address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const size = 2 ** (32 - bits);
  const network = Math.floor(n / size) * size;
  return [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.');
}

/** An insecure-registries entry: `host[:port]`, an IP, or a CIDR — never a URL (dockerd refuses "://"). */
export function checkInsecureEntry(raw: string): EntryCheck {
  const text = raw.trim();
  if (text === '') return { input: raw, problem: 'empty' };
  if (text.includes('://')) return { input: raw, problem: 'has-scheme' };
  if (text.includes('/')) return { ...checkCidr(text), input: raw };
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d+))?$/i.exec(text);
  const plain = /^([^:]+)(?::([^:]*))?$/.exec(text);
  const host = bracketed?.[1] ?? plain?.[1];
  const port = bracketed ? bracketed[2] : plain?.[2];
  if (host === undefined || (!bracketed && !IPV4.test(host) && !HOSTNAME.test(host))) return { input: raw, problem: 'not-host-or-cidr' };
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) return { input: raw, problem: 'bad-port' };
  const value = text.toLowerCase();
  return { input: raw, value, ...(isLoopback(host) ? { note: 'loopback-not-needed' as const } : {}) };
}

export function checkMirrorEntry(raw: string): EntryCheck {
  const normalized = normalizeMirror(raw);
  if ('problem' in normalized) return { input: raw, problem: normalized.problem };
  const host = new URL(normalized.value).hostname;
  const note = normalized.value.startsWith('http:') && !isLoopback(host) ? ('plain-http-mirror' as const) : undefined;
  return { input: raw, value: normalized.value, ...(note ? { note } : {}) };
}

/** Checks each entry, then marks repeats (after normalization) as duplicates. */
export function checkEntries(raw: readonly string[], check: (entry: string) => EntryCheck): EntryCheck[] {
  const seen = new Set<string>();
  return raw.map((entry) => {
    const result = check(entry);
    if (result.value === undefined) return result;
    if (seen.has(result.value)) return { input: entry, problem: 'duplicate' };
    seen.add(result.value);
    return result;
  });
}

/** The settings Wharf edits; every other key of daemon.json is left as it is. */
export interface RegistrySettings {
  registryMirrors: string[];
  insecureRegistries: string[];
  /**
   * The engine's proxy (`proxies` on engines ≥ 23). Absent: left as it is. Where Wharf answers it, credentials are
   * masked (`http://xxxxx:xxxxx@host:3128`); a masked value sent back means "keep the one the file has".
   */
  proxies?: ProxySettings;
  /** Default log settings for new containers (`log-driver`, `log-opts`). Absent: left as they are. */
  logDefaults?: LogDefaults;
}

export type RegistryKey = 'registry-mirrors' | 'insecure-registries' | 'proxies' | 'log-driver' | 'log-opts';

/** A setting given both as a dockerd flag and in the file: dockerd refuses to start (or reload) then. */
export interface FlagConflict {
  key: RegistryKey;
  flag: '--registry-mirror' | '--insecure-registry' | '--http-proxy' | '--https-proxy' | '--no-proxy';
  /** The values given by the flags. */
  flagValues: string[];
}

export interface ParseProblem {
  message: string;
  /** 1-based. */
  line: number;
  column: number;
}

/** daemon.json as Wharf sees it (registryMirrors.read). */
export interface RegistryMirrorsState {
  path: string;
  exists: boolean;
  /** sha256 of the file's bytes ('' when it does not exist); apply refuses when the file changed since. */
  hash: string;
  settings: RegistrySettings;
  /** The other top-level keys, in file order (kept as they are). */
  otherKeys: string[];
  parseError?: ParseProblem;
  /** Registry settings the running dockerd got as flags (its command line), when it could be read. */
  flags?: { registryMirrors: string[]; insecureRegistries: string[]; configFile?: string; pid: number; proxies?: Partial<ProxySettings> };
  rootless: boolean;
  /** 'run': Wharf runs the commands; 'commands': it can only show them (web mode, no privilege). */
  apply: 'run' | 'commands';
  /** What the engine uses now (GET /info, proxies with credentials masked), when it answers. */
  inEffect?: RegistrySettings;
  /** The engine reads `proxies` from daemon.json (≥ 23); older ones take a systemd drop-in (see the plan). */
  proxiesKey?: boolean;
  engineVersion?: string;
  /**
   * The engine is on another host (ssh://, tcp://): its daemon.json lives there. Nothing here is read or written;
   * `inEffect` (from its `docker info`) is all the page shows, read-only.
   */
  remote?: { host: string };
}

export interface DiffLine {
  op: 'same' | 'add' | 'remove';
  text: string;
}

/** One command of a plan; `stdin` is what it reads on its standard input (a here-document when copied). */
export interface PlannedCommand {
  argv: CommandLine;
  stdin?: string;
}

/**
 * Why Wharf, or its root helper, refuses to touch daemon.json (error.details.reason; i18n keys under
 * registryMirrors.refused, with {{path}}): the file or a folder above it is not root's alone, the engine's
 * dockerd is not the one root runs on the socket, the file changed, … Nothing was changed when they answer.
 */
export const REGISTRY_MIRRORS_REFUSALS = [
  'config-path-characters',
  'config-dir-owner',
  'config-dir-writable',
  'config-not-regular',
  'config-owner',
  'config-writable',
  'no-dockerd',
  'several-dockerd',
  'not-the-engine-config',
  'changed',
  'too-large',
  'bad-argument',
  'helper-missing',
  'helper-answer',
  'backup-failed',
  'write-failed',
  'reload-failed',
  'restore-failed',
  'restart-failed',
] as const;

export type RegistryMirrorsRefusal = (typeof REGISTRY_MIRRORS_REFUSALS)[number];

export interface RegistryMirrorsRefusalDetails {
  reason: RegistryMirrorsRefusal;
  /** The file or folder the reason is about ('' when none). */
  path: string;
}

export function isRegistryMirrorsRefusalDetails(details: unknown): details is RegistryMirrorsRefusalDetails {
  if (details === null || typeof details !== 'object') return false;
  const d = details as { reason?: unknown; path?: unknown };
  return typeof d.path === 'string' && (REGISTRY_MIRRORS_REFUSALS as readonly unknown[]).includes(d.reason);
}

/** The proxy part of a plan. */
export interface ProxyPlan {
  checks: Record<ProxyField, ProxyCheck>;
  /** The proxy differs from what the file (or, before 23, the engine) has now. */
  changed: boolean;
  /** 'daemon-json': part of this file's change (engines ≥ 23); 'drop-in': the commands for root in `dropIn`. */
  way: 'daemon-json' | 'drop-in';
  /** Engines before 23: a systemd drop-in for docker.service, daemon-reload and restart, for root to run. */
  dropIn?: PlannedCommand[];
  /** The proxy has credentials: the file is written readable by root alone (0600). */
  privateFile: boolean;
}

/** What registryMirrors.plan answers: the checks, the new file, the diff and the commands. */
export interface RegistryMirrorsPlan {
  path: string;
  currentHash: string;
  mirrors: EntryCheck[];
  insecure: EntryCheck[];
  /** Every entry is valid, the file parses and no flag conflicts. */
  valid: boolean;
  /** Nothing would change. */
  unchanged: boolean;
  newText: string;
  /** Only the two values change: every other byte of the file stays as it is. */
  diff: DiffLine[];
  conflicts: FlagConflict[];
  parseError?: ParseProblem;
  /** dockerd --validate ran (engine ≥ 23.0), or why it did not. */
  engineValidation: { ran: true; ok: boolean; output: string } | { ran: false; reason: 'engine-too-old' | 'no-dockerd' | 'not-local' };
  /** 'run': what Wharf runs (one call of its root helper for the system engine); 'commands': what to run as root. */
  commands: PlannedCommand[];
  apply: 'run' | 'commands';
  /** Only when proxies were part of the input. Credentials are masked in newText, diff and commands. */
  proxy?: ProxyPlan;
  /** Only when log defaults were part of the input: their problems, and whether they change. */
  logDefaults?: { problems: Partial<Record<keyof LogDefaults, LogDefaultsProblem>>; changed: boolean };
  /**
   * 'restart': the engine must restart to take the change (a proxy: dockerd reads it at start only); its running
   * containers stop unless live-restore is on (those with a restart policy start again).
   */
  via: 'reload' | 'restart';
  restartEffects?: { running: number; liveRestore: boolean };
}

/** registryMirrors.apply's task result when the new settings are in effect. */
export interface RegistryMirrorsApplyResult {
  outcome: 'applied' | 'unchanged';
  path: string;
  backupPath?: string;
  via: 'reload' | 'restart';
  inEffect: RegistrySettings;
}


/** Carried in the failed task's error.details when the change was undone. */
export interface RegistryMirrorsRollback {
  rolledBack: true;
  /**
   * Why: the engine did not come back, or it runs without the new values, or Wharf's root helper heard no verdict
   * in time and put the old file back by itself.
   */
  reason: 'engine-down' | 'not-in-effect' | 'not-confirmed';
  /** The engine is running with the original file again. */
  restored: boolean;
  backupPath?: string;
  engineLog: string[];
  inEffect?: RegistrySettings;
}
