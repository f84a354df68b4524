/**
 * The engine switcher's service: the docker CLI's contexts listed, made, removed and used, on the CLI's own store,
 * and a probe of one engine's reachability. Switching itself is the core's (create-core.ts): it owns the sessions.
 */
import { readFile } from 'node:fs/promises';
import type { EngineEndpoint, EngineStatus } from '../../../shared/engine';
import {
  DEFAULT_CONTEXT,
  ROOTLESS_ENGINE,
  contextNameProblem,
  engineHostProblem,
  engineKindOf,
  type ContextCreateInput,
  type EngineEntry,
  type EngineProbe,
  type EnginesList,
} from '../../../shared/engines';
import type { Clock } from '../clock';
import { WharfError } from '../errors';
import { classifyFailure, type FailureProbe } from '../engine/classify-failure';
import { withTimeout } from '../engine/connection';
import type { DockerClientFactory } from '../engine/docker-client';
import type { EngineVersion } from '../engine/engine-types';
import { closeSshAgent, sshTargetOf, type SshFailure } from '../engine/ssh-dial';
import { resolveSsh, scanHostKeys, trustHostKey } from '../engine/ssh-host-keys';
import { defaultEndpoint, endpointOfEngine, rootlessSocketHost, type EndpointInputs } from '../engine/resolve-endpoint';
import { contextExists, createContext, listContexts, readCurrentContext, removeContextFiles, setCurrentContext, type StoredContext } from './context-store';

/** The part of the core the service switches through. */
export interface EngineSwitch {
  /** The name of the engine Wharf uses now. */
  using(): string;
  status(): EngineStatus;
  use(name: string, endpoint: EngineEndpoint): Promise<EngineStatus>;
}

export interface EnginesDeps {
  /** Wharf's environment: which ssh (PATH), which agent (SSH_AUTH_SOCK), HOME for ~/.ssh. */
  env: Record<string, string | undefined>;
  /** $DOCKER_CONFIG or ~/.docker. */
  configDir: string;
  inputs: EndpointInputs;
  engines: EngineSwitch;
  createClient: DockerClientFactory;
  probe: FailureProbe;
  clock: Clock;
  /** How long a probe may take (10 s: the issue's "clear error within 10 s"). */
  probeTimeoutMs?: number;
}

const DEFAULT_DESCRIPTION = 'Current DOCKER_HOST based configuration';

function fieldProblems(problems: Record<string, string>, message: string): WharfError {
  return new WharfError('invalid-input', message, { problems });
}

async function readPem(path: string, field: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fieldProblems({ [field]: 'unreadable' }, `cannot read ${path}: ${(error as Error).message}`);
  }
  if (!text.includes('-----BEGIN ')) throw fieldProblems({ [field]: 'not-pem' }, `${path} is not a PEM file`);
  return text;
}

export interface EnginesService {
  list(): Promise<EnginesList>;
  create(input: ContextCreateInput): Promise<EngineEntry>;
  remove(name: string, force: boolean): Promise<null>;
  use(name: string, alsoForCli: boolean): Promise<EngineStatus>;
  probe(name: string): Promise<EngineProbe>;
  /** Adds an ssh host's key, whose fingerprint the user saw in a probe, to their known_hosts; then probes again. */
  trustHostKey(name: string, fingerprint: string): Promise<EngineProbe>;
}

export function createEnginesService(deps: EnginesDeps): EnginesService {
  const probeTimeoutMs = deps.probeTimeoutMs ?? 10_000;

  /** What ssh's refusal means for the user: the unknown key's fingerprints to decide on, a changed key, a wrong key. */
  const withSshFacts = async (answer: EngineProbe, endpoint: EngineEndpoint, error: unknown): Promise<EngineProbe> => {
    const failure = (error as { sshFailure?: SshFailure }).sshFailure;
    if (failure === 'host-key-changed') return { ...answer, changedHostKey: true };
    if (failure === 'auth-failed') return { ...answer, authenticationFailed: true };
    if (failure !== 'host-key-unknown') return answer;
    try {
      const resolved = await resolveSsh(sshTargetOf(endpoint.host), deps.env);
      const keys = await scanHostKeys(resolved, deps.env);
      return { ...answer, unknownHostKey: { host: resolved.knownName, fingerprints: keys.map((k) => `${k.fingerprint} (${k.type})`) } };
    } catch (scanError) {
      return { ...answer, detail: `${answer.detail ?? ''} (${(scanError as Error).message})` };
    }
  };

  /** The CLI's current context, resolved as the CLI resolves it: DOCKER_HOST, then DOCKER_CONTEXT, then config.json. */
  const cliCurrent = async (): Promise<{ name: string; override?: EnginesList['cliOverride'] }> => {
    if (deps.inputs.env.DOCKER_HOST) return { name: DEFAULT_CONTEXT, override: 'DOCKER_HOST' };
    if (deps.inputs.env.DOCKER_CONTEXT) return { name: deps.inputs.env.DOCKER_CONTEXT, override: 'DOCKER_CONTEXT' };
    return { name: (await readCurrentContext(deps.configDir)) || DEFAULT_CONTEXT };
  };

  const entryOf = (c: StoredContext, current: string, using: string): EngineEntry => ({
    name: c.name,
    description: c.description,
    endpoint: c.host,
    kind: engineKindOf(c.host),
    current: c.name === current,
    inUse: c.name === using,
    tls: c.tls,
    ...(c.error !== undefined ? { error: c.error } : {}),
  });

  const list = async (): Promise<EnginesList> => {
    const [contexts, current] = await Promise.all([listContexts(deps.configDir), cliCurrent()]);
    const using = deps.engines.using();
    const fallback = defaultEndpoint(deps.inputs);
    const entries = [
      entryOf({ name: DEFAULT_CONTEXT, description: DEFAULT_DESCRIPTION, host: fallback.host, skipTlsVerify: false, tls: false }, current.name, using),
      ...contexts.map((c) => entryOf(c, current.name, using)),
    ];
    const rootless = rootlessSocketHost(deps.inputs);
    if (rootless !== undefined && !contexts.some((c) => c.host === rootless || c.name === ROOTLESS_ENGINE)) {
      entries.push({ name: ROOTLESS_ENGINE, description: '', endpoint: rootless, kind: 'local', current: false, inUse: using === ROOTLESS_ENGINE, tls: false, found: true });
    }
    // The CLI's order: by name, byte for byte.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { engines: entries, using, ...(current.override ? { cliOverride: current.override } : {}) };
  };

  const endpointOf = (name: string): EngineEndpoint => endpointOfEngine(name, deps.inputs, { rootless: rootlessSocketHost(deps.inputs) });

  const known = async (name: string): Promise<void> => {
    if (name === DEFAULT_CONTEXT) return;
    if (await contextExists(deps.configDir, name)) return;
    if (name === ROOTLESS_ENGINE && rootlessSocketHost(deps.inputs) !== undefined) return;
    throw new WharfError('not-found', `context "${name}" does not exist`);
  };

  /** Whether one engine answers now (within probeTimeoutMs); ssh failures say what the user can do. */
  const probe = async (name: string): Promise<EngineProbe> => {
    await known(name);
    if (name === deps.engines.using()) {
      const status = deps.engines.status();
      if (status.state === 'connected') return { name, state: status.state, serverVersion: status.serverVersion };
    }
    let endpoint: EngineEndpoint;
    try {
      endpoint = endpointOf(name);
    } catch (error) {
      return { name, state: 'unreachable', detail: (error as Error).message };
    }
    try {
      const client = deps.createClient(endpoint);
      const version = (await withTimeout(client.version(), probeTimeoutMs, deps.clock)) as EngineVersion;
      return { name, state: 'connected', serverVersion: version.Version };
    } catch (error) {
      const answer: EngineProbe = { name, state: classifyFailure(error, endpoint, deps.probe), detail: (error as Error).message };
      return engineKindOf(endpoint.host) === 'ssh' ? withSshFacts(answer, endpoint, error) : answer;
    } finally {
      // A probe's ssh connection is not kept: only the engine in use holds ssh processes open.
      if (engineKindOf(endpoint.host) === 'ssh' && endpoint.host !== deps.engines.status().endpoint.host) closeSshAgent(endpoint.host);
    }
  };

  return {
    list,

    async create(input: ContextCreateInput): Promise<EngineEntry> {
      const problems: Record<string, string> = {};
      const nameProblem = contextNameProblem(input.name);
      if (nameProblem) problems.name = nameProblem;
      const hostProblem = engineHostProblem(input.host);
      if (hostProblem) problems.host = hostProblem;
      const tls = input.tls;
      const hasTlsFiles = tls !== undefined && (tls.ca !== undefined || tls.cert !== undefined || tls.key !== undefined);
      if (!hostProblem && (hasTlsFiles || tls?.skipVerify) && engineKindOf(input.host) !== 'tcp') problems.host = 'tls-needs-tcp';
      if (tls && (tls.cert === undefined) !== (tls.key === undefined)) problems[tls.cert === undefined ? 'tls.cert' : 'tls.key'] = 'pair';
      if (Object.keys(problems).length > 0) throw fieldProblems(problems, `cannot create context "${input.name}": ${Object.entries(problems).map(([f, p]) => `${f}: ${p}`).join(', ')}`);
      if (await contextExists(deps.configDir, input.name)) {
        throw new WharfError('conflict', `context "${input.name}" already exists`, { problems: { name: 'exists' } });
      }
      const pem: { ca?: string; cert?: string; key?: string } = {};
      if (tls?.ca) pem.ca = await readPem(tls.ca, 'tls.ca');
      if (tls?.cert) pem.cert = await readPem(tls.cert, 'tls.cert');
      if (tls?.key) pem.key = await readPem(tls.key, 'tls.key');
      await createContext(deps.configDir, { name: input.name, description: input.description, host: input.host, skipTlsVerify: tls?.skipVerify === true, tls: pem });
      const current = await cliCurrent();
      return {
        name: input.name,
        description: input.description ?? '',
        endpoint: input.host,
        kind: engineKindOf(input.host),
        current: current.name === input.name,
        inUse: false,
        tls: Object.keys(pem).length > 0,
      };
    },

    async remove(name: string, force: boolean): Promise<null> {
      if (name === DEFAULT_CONTEXT) throw fieldProblems({ name: 'reserved' }, 'the "default" context cannot be removed');
      if (!(await contextExists(deps.configDir, name))) throw new WharfError('not-found', `context "${name}" does not exist`);
      if (deps.engines.using() === name) throw new WharfError('conflict', `Wharf uses context "${name}"; switch to another engine first`, { usedByWharf: true });
      const current = await cliCurrent();
      if (current.name === name) {
        // The CLI's own refusal, word for word; with force the CLI falls back to "default", as `docker context rm -f` does.
        if (!force) throw new WharfError('conflict', `context "${name}" is in use, set -f flag to force remove`, { usedByCli: true });
        if (current.override === undefined) await setCurrentContext(deps.configDir, DEFAULT_CONTEXT);
      }
      await removeContextFiles(deps.configDir, name);
      return null;
    },

    async use(name: string, alsoForCli: boolean): Promise<EngineStatus> {
      await known(name);
      const endpoint = endpointOf(name);
      if (alsoForCli) {
        if (name === ROOTLESS_ENGINE && !(await contextExists(deps.configDir, name))) {
          throw fieldProblems({ alsoForCli: 'not-a-context' }, 'the rootless socket is not a docker context yet; save it as one first');
        }
        await setCurrentContext(deps.configDir, name);
      }
      return deps.engines.use(name, endpoint);
    },

    probe,

    async trustHostKey(name: string, fingerprint: string): Promise<EngineProbe> {
      await known(name);
      const endpoint = endpointOf(name);
      if (engineKindOf(endpoint.host) !== 'ssh') throw fieldProblems({ name: 'not-ssh' }, `context "${name}" is not an ssh:// engine`);
      await trustHostKey(sshTargetOf(endpoint.host), fingerprint, deps.env);
      return probe(name);
    },
  };
}
