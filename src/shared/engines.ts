/**
 * Engines are the docker CLI's contexts (`docker context ls`): Wharf keeps no host list of its own. These are the
 * shapes the Engines channels answer and the grammar a new context's name and endpoint are checked with, the same
 * on both sides of the contract.
 */
import type { EngineState } from './engine';

/** Where an engine runs, as far as Wharf's setup and settings care: a local socket, or another host. */
export type EngineKind = 'local' | 'ssh' | 'tcp';

export interface EngineEntry {
  /** The context's name ("default" is the CLI's implicit one). */
  name: string;
  description: string;
  /** The docker endpoint as `docker context ls` prints it. */
  endpoint: string;
  kind: EngineKind;
  /** The docker CLI's current context (what `docker context ls` stars). */
  current: boolean;
  /** The engine Wharf uses now. */
  inUse: boolean;
  /** TLS material is stored with the context (contexts/tls/…); never its content. */
  tls: boolean;
  /** Not one of the CLI's contexts: a socket Wharf found (the rootless one); "Save as a context" makes it one. */
  found?: boolean;
  /** Why the context cannot be read, as the CLI's ERROR column says it. */
  error?: string;
}

export interface EnginesList {
  engines: EngineEntry[];
  /** The name of the engine Wharf uses. */
  using: string;
  /** Set when the CLI's current context is decided by the environment rather than config.json. */
  cliOverride?: 'DOCKER_HOST' | 'DOCKER_CONTEXT';
}

/** What a probe found: asked when the switcher opens, never on a timer. */
export interface EngineProbe {
  name: string;
  state: EngineState;
  serverVersion?: string;
  /** Why it is not reachable (English, from the OS or the engine). */
  detail?: string;
  /** ssh only: the host key is not known yet; the fingerprint to show the user before trusting it. */
  unknownHostKey?: { host: string; fingerprints: string[] };
  /** ssh only: the host's key differs from the one known for it; never accepted. */
  changedHostKey?: boolean;
  /** ssh only: the host refused the key or password. */
  authenticationFailed?: boolean;
}

/** The docker CLI's context name rule (cli/context/store), and its one reserved name. */
export const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;
export const DEFAULT_CONTEXT = 'default';
/** The name a found rootless socket goes by (what dockerd-rootless-setuptool.sh names its context). */
export const ROOTLESS_ENGINE = 'rootless';

export type ContextNameProblem = 'pattern' | 'reserved' | 'too-long';

export function contextNameProblem(name: string): ContextNameProblem | undefined {
  if (name.length > 200) return 'too-long';
  if (name === DEFAULT_CONTEXT) return 'reserved';
  return CONTEXT_NAME.test(name) ? undefined : 'pattern';
}

export type EngineHostProblem = 'empty' | 'characters' | 'scheme' | 'unix-path' | 'host' | 'port' | 'ssh-password' | 'ssh-path';

/** The kind of an endpoint string; anything that is not ssh:// or tcp:// is treated as a local socket. */
export function engineKindOf(host: string): EngineKind {
  if (host.startsWith('ssh://')) return 'ssh';
  if (host.startsWith('tcp://') || host.startsWith('http://') || host.startsWith('https://')) return 'tcp';
  return 'local';
}

/** host[:port] of a URL authority, the host part possibly a bracketed IPv6 address. */
const AUTHORITY = /^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?)(:(\d{1,5}))?$/;

function authorityProblem(authority: string): EngineHostProblem | undefined {
  const match = AUTHORITY.exec(authority);
  if (!match) return 'host';
  const port = match[4];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return 'port';
  return undefined;
}

/**
 * What is wrong with an endpoint a user typed for a new context, before the CLI or the engine is asked. Stricter than
 * `docker context create`, which stores `foo://bar` and fails later: unix:///absolute/path, tcp://host[:port],
 * ssh://[user@]host[:port] — no password in the URL (it would sit in a file every process of the user reads).
 */
export function engineHostProblem(host: string): EngineHostProblem | undefined {
  if (host === '') return 'empty';
  // eslint-disable-next-line no-control-regex
  if (host.length > 1000 || /[\s\u0000-\u001f\u007f]/.test(host)) return 'characters';
  if (host.startsWith('unix://')) {
    const path = host.slice('unix://'.length);
    return path.startsWith('/') && path.length > 1 ? undefined : 'unix-path';
  }
  if (host.startsWith('tcp://')) {
    const rest = host.slice('tcp://'.length).replace(/\/$/, '');
    return authorityProblem(rest);
  }
  if (host.startsWith('ssh://')) {
    let rest = host.slice('ssh://'.length);
    if (rest.includes('/')) return 'ssh-path';
    const at = rest.lastIndexOf('@');
    if (at >= 0) {
      const user = rest.slice(0, at);
      if (user.includes(':')) return 'ssh-password';
      if (!/^[a-zA-Z0-9._][a-zA-Z0-9._-]*$/.test(user)) return 'host';
      rest = rest.slice(at + 1);
    }
    return authorityProblem(rest);
  }
  return 'scheme';
}

/** A colour per engine, the same on every page and every run: an index into the shell's palette of eight. */
export const ENGINE_COLOURS = 8;

export function engineColour(name: string): number {
  // FNV-1a over the name's UTF-16 code units: stable, and different names spread over the palette.
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % ENGINE_COLOURS;
}

export interface ContextCreateInput {
  name: string;
  description?: string;
  host: string;
  tls?: { ca?: string; cert?: string; key?: string; skipVerify?: boolean };
}

/** The `docker context create` argv that makes the same context (what the dialog shows). */
export function contextCreateCommand(input: ContextCreateInput): string[] {
  const endpoint = [`host=${input.host}`];
  if (input.tls?.ca) endpoint.push(`ca=${input.tls.ca}`);
  if (input.tls?.cert) endpoint.push(`cert=${input.tls.cert}`);
  if (input.tls?.key) endpoint.push(`key=${input.tls.key}`);
  if (input.tls?.skipVerify) endpoint.push('skip-tls-verify=true');
  return ['docker', 'context', 'create', input.name, ...(input.description ? ['--description', input.description] : []), '--docker', endpoint.join(',')];
}

/** The details of a stream the core ended because Wharf switched engines. */
export interface EngineSwitchedDetails {
  engineSwitched: { from: string; to: string };
}

export function isEngineSwitchedDetails(details: unknown): details is EngineSwitchedDetails {
  if (typeof details !== 'object' || details === null) return false;
  const value: unknown = Reflect.get(details, 'engineSwitched');
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'from') === 'string' && typeof Reflect.get(value, 'to') === 'string';
}
