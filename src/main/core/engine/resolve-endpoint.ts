import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { EngineEndpoint } from '../../../shared/engine';
import { WharfError } from '../errors';

export const DEFAULT_SOCKET_HOST = 'unix:///var/run/docker.sock';

/** What resolution reads from the outside world; injected so it is testable with a temp HOME. */
export interface EndpointInputs {
  /** --docker-host, highest precedence. */
  flagHost?: string;
  env: Record<string, string | undefined>;
  homeDir: string;
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
}

interface ContextMeta {
  Name?: string;
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

/** The docker CLI's config dir: $DOCKER_CONFIG or ~/.docker. */
export function dockerConfigDir(inputs: Pick<EndpointInputs, 'env' | 'homeDir'>): string {
  return inputs.env.DOCKER_CONFIG || join(inputs.homeDir, '.docker');
}

/** The folder name of a context in the CLI's store (contexts/meta/<digest>, contexts/tls/<digest>). */
export function contextDigest(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

function parseJson<T>(text: string, path: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new WharfError('invalid-input', `${path} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * The docker CLI's TLS from the environment: on when DOCKER_TLS or DOCKER_TLS_VERIFY is set to anything
 * (even "0"), verifying when DOCKER_TLS_VERIFY is set; certificates from DOCKER_CERT_PATH, else the config dir.
 */
function envTls(inputs: EndpointInputs): EngineEndpoint['tls'] {
  const env = inputs.env;
  const verify = Boolean(env.DOCKER_TLS_VERIFY);
  if (!verify && !env.DOCKER_TLS) return undefined;
  const certDir = env.DOCKER_CERT_PATH || dockerConfigDir(inputs);
  return { caPath: join(certDir, 'ca.pem'), certPath: join(certDir, 'cert.pem'), keyPath: join(certDir, 'key.pem'), verify };
}

function fromContext(name: string, inputs: EndpointInputs, source: EngineEndpoint['source']): EngineEndpoint | undefined {
  if (name === 'default') return undefined;
  const configDir = dockerConfigDir(inputs);
  const digest = contextDigest(name);
  const metaPath = join(configDir, 'contexts', 'meta', digest, 'meta.json');
  const text = inputs.readFile(metaPath);
  if (text === undefined) throw new WharfError('not-found', `docker context "${name}" not found (no ${metaPath})`);
  const meta = parseJson<ContextMeta>(text, metaPath);
  const host = meta.Endpoints?.docker?.Host;
  if (!host) throw new WharfError('invalid-input', `docker context "${name}" has no docker endpoint host`);
  const tlsDir = join(configDir, 'contexts', 'tls', digest, 'docker');
  const hasTls = inputs.exists(join(tlsDir, 'ca.pem')) || inputs.exists(join(tlsDir, 'cert.pem'));
  const endpoint: EngineEndpoint = { host, source, contextName: name };
  if (hasTls || host.startsWith('tcp://')) {
    const skip = meta.Endpoints?.docker?.SkipTLSVerify === true;
    if (hasTls) {
      endpoint.tls = {
        caPath: inputs.exists(join(tlsDir, 'ca.pem')) ? join(tlsDir, 'ca.pem') : undefined,
        certPath: inputs.exists(join(tlsDir, 'cert.pem')) ? join(tlsDir, 'cert.pem') : undefined,
        keyPath: inputs.exists(join(tlsDir, 'key.pem')) ? join(tlsDir, 'key.pem') : undefined,
        verify: !skip,
      };
    }
  }
  return endpoint;
}

/**
 * Resolve the engine like the docker CLI: --docker-host > DOCKER_HOST > DOCKER_CONTEXT > currentContext in
 * config.json > (Wharf's addition) the rootless socket $XDG_RUNTIME_DIR/docker.sock if it exists > /var/run/docker.sock.
 */
export function resolveEndpoint(inputs: EndpointInputs): EngineEndpoint {
  if (inputs.flagHost) return withEnvTls({ host: inputs.flagHost, source: 'flag' }, inputs);
  const envHost = inputs.env.DOCKER_HOST;
  if (envHost) return withEnvTls({ host: envHost, source: 'DOCKER_HOST' }, inputs);

  const envContext = inputs.env.DOCKER_CONTEXT;
  let context = envContext;
  if (!envContext) {
    const configPath = join(dockerConfigDir(inputs), 'config.json');
    const text = inputs.readFile(configPath);
    context = text === undefined ? undefined : parseJson<{ currentContext?: string }>(text, configPath).currentContext;
  }
  if (context) {
    const endpoint = fromContext(context, inputs, envContext ? 'DOCKER_CONTEXT' : 'config-context');
    if (endpoint) return endpoint;
    // The user named the "default" context: that is the CLI's default socket, not a guess of ours.
    return { host: DEFAULT_SOCKET_HOST, source: 'default' };
  }

  const runtimeDir = inputs.env.XDG_RUNTIME_DIR;
  if (runtimeDir && inputs.exists(join(runtimeDir, 'docker.sock'))) {
    return { host: `unix://${join(runtimeDir, 'docker.sock')}`, source: 'rootless' };
  }
  return { host: DEFAULT_SOCKET_HOST, source: 'default' };
}

function withEnvTls(endpoint: EngineEndpoint, inputs: EndpointInputs): EngineEndpoint {
  const tls = endpoint.host.startsWith('tcp://') || !endpoint.host.includes('://') ? envTls(inputs) : undefined;
  return tls ? { ...endpoint, tls } : endpoint;
}

/** The "default" context's endpoint, as the CLI has it: -H, else DOCKER_HOST, else the system socket. */
export function defaultEndpoint(inputs: EndpointInputs): EngineEndpoint {
  if (inputs.flagHost) return withEnvTls({ host: inputs.flagHost, source: 'flag', contextName: 'default' }, inputs);
  const envHost = inputs.env.DOCKER_HOST;
  if (envHost) return withEnvTls({ host: envHost, source: 'DOCKER_HOST', contextName: 'default' }, inputs);
  return { host: DEFAULT_SOCKET_HOST, source: 'default', contextName: 'default' };
}

/** The rootless engine's socket ($XDG_RUNTIME_DIR/docker.sock) when it exists. */
export function rootlessSocketHost(inputs: Pick<EndpointInputs, 'env' | 'exists'>): string | undefined {
  const runtimeDir = inputs.env.XDG_RUNTIME_DIR;
  return runtimeDir && inputs.exists(join(runtimeDir, 'docker.sock')) ? `unix://${join(runtimeDir, 'docker.sock')}` : undefined;
}

/** The endpoint of an engine the user picked by name: "default", a context of the CLI's store, or the found rootless socket. */
export function endpointOfEngine(name: string, inputs: EndpointInputs, found: { rootless?: string }): EngineEndpoint {
  if (name === 'default') return defaultEndpoint(inputs);
  try {
    const endpoint = fromContext(name, inputs, 'chosen');
    if (endpoint) return endpoint;
  } catch (error) {
    if (!(error instanceof WharfError && error.code === 'not-found' && found.rootless !== undefined && name === 'rootless')) throw error;
  }
  return { host: found.rootless ?? '', source: 'rootless', contextName: 'rootless' };
}
