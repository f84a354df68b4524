import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import Docker from 'dockerode';
import type { EngineEndpoint } from '../../../shared/engine';
import { checkEngineName, encodeEnginePath, type EngineObjectKind } from '../../../shared/engine-names';
import { WharfError } from '../errors';
import { refuseEngineRedirects } from './no-redirects';
import { sshAgentFor, systemSsh } from './ssh-dial';

/**
 * Builds a Docker Engine API client for an endpoint; apiVersion "1.41" pins every path to /v1.41. `env` is the
 * environment Wharf runs in (which `ssh` and ssh-agent an ssh:// endpoint uses); the process's own by default.
 */
export type DockerClientFactory = (endpoint: EngineEndpoint, apiVersion?: string, env?: Record<string, string | undefined>) => Docker;

function readOptional(path: string | undefined): Buffer | undefined {
  return path ? readFileSync(path) : undefined;
}

/** Translates a docker CLI host string (unix://, tcp://, http(s)://, ssh://) to dockerode options. */
export function dockerOptionsFor(endpoint: EngineEndpoint, apiVersion?: string, env: Record<string, string | undefined> = process.env): Docker.DockerOptions {
  const version = apiVersion ? `v${apiVersion}` : undefined;
  const host = endpoint.host;
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length), version };
  if (host.startsWith('/')) return { socketPath: host, version };
  let url: URL;
  try {
    // Like the CLI, a host without a scheme ("10.0.0.5:2375") is TCP.
    url = new URL(host.includes('://') ? host : `tcp://${host}`);
    if (!url.hostname) throw new Error('no host');
  } catch {
    throw new WharfError('invalid-input', `cannot parse docker host "${host}"`);
  }
  switch (url.protocol) {
    case 'tcp:':
    case 'http:':
    case 'https:': {
      const tls = endpoint.tls;
      const secure = url.protocol === 'https:' || tls !== undefined;
      const ca = readOptional(tls?.caPath);
      const cert = readOptional(tls?.certPath);
      const key = readOptional(tls?.keyPath);
      return {
        protocol: secure ? 'https' : 'http',
        host: url.hostname,
        port: url.port || (secure ? '2376' : '2375'),
        ca,
        cert,
        key,
        // A context with SkipTLSVerify (or DOCKER_TLS without _VERIFY) encrypts without checking the server.
        ...(tls && !tls.verify ? { agent: new Agent({ ca, cert, key, rejectUnauthorized: false }) } : {}),
        version,
      };
    }
    case 'ssh:':
      // The user's ssh, like the CLI (ssh-dial.ts): HTTP over `docker system dial-stdio`, pooled per endpoint.
      // docker-modem passes `agent` to http.request; its types do not list it.
      return { protocol: 'http', host: 'docker', port: '80', agent: sshAgentFor(host, systemSsh(env)), version } as Docker.DockerOptions;
    default:
      throw new WharfError('invalid-input', `unsupported docker host scheme "${url.protocol}" in "${host}"`);
  }
}

/**
 * The one door from a name to an Engine API path: checked with its kind's grammar (invalid → `invalid-input` with
 * the problem, before any request), then percent-encoded segment by segment.
 */
export function enginePathName(kind: EngineObjectKind, name: string): string {
  const check = checkEngineName(kind, name);
  if (!check.ok) {
    throw new WharfError('invalid-input', `invalid ${kind} name or ID "${name.slice(0, 200)}": ${check.problem}`, { kind, problem: check.problem });
  }
  return encodeEnginePath(name);
}

/**
 * A dockerode client whose object getters pass every name through enginePathName, so no service can put an
 * unchecked name into a URL, and whose modem never follows a redirect.
 */
export function guardedDocker(options: Docker.DockerOptions): Docker {
  refuseEngineRedirects();
  const docker = new Docker(options);
  const getImage = docker.getImage.bind(docker);
  const getContainer = docker.getContainer.bind(docker);
  const getVolume = docker.getVolume.bind(docker);
  const getNetwork = docker.getNetwork.bind(docker);
  const getExec = docker.getExec.bind(docker);
  docker.getImage = (name) => getImage(enginePathName('image', name));
  docker.getContainer = (id) => getContainer(enginePathName('container', id));
  docker.getVolume = (name) => getVolume(enginePathName('volume', name));
  docker.getNetwork = (id) => getNetwork(enginePathName('network', id));
  docker.getExec = (id) => getExec(enginePathName('exec', id));
  return docker;
}

export const createDockerodeClient: DockerClientFactory = (endpoint, apiVersion, env) => guardedDocker(dockerOptionsFor(endpoint, apiVersion, env));

/** The unix socket path of an endpoint, if it is a local socket. */
export function socketPathOf(endpoint: EngineEndpoint): string | undefined {
  if (endpoint.host.startsWith('unix://')) return endpoint.host.slice('unix://'.length);
  if (endpoint.host.startsWith('/')) return endpoint.host;
  return undefined;
}
