import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import Docker from 'dockerode';
import type { EngineEndpoint } from '../../../shared/engine';
import { WharfError } from '../errors';

/** Builds a Docker Engine API client for an endpoint; apiVersion "1.41" pins every path to /v1.41. */
export type DockerClientFactory = (endpoint: EngineEndpoint, apiVersion?: string) => Docker;

function readOptional(path: string | undefined): Buffer | undefined {
  return path ? readFileSync(path) : undefined;
}

/** Translates a docker CLI host string (unix://, tcp://, http(s)://, ssh://) to dockerode options. */
export function dockerOptionsFor(endpoint: EngineEndpoint, apiVersion?: string): Docker.DockerOptions {
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
      return {
        protocol: 'ssh',
        host: url.hostname,
        port: url.port || '22',
        username: url.username || undefined,
        sshOptions: { agent: process.env.SSH_AUTH_SOCK },
        version,
      };
    default:
      throw new WharfError('invalid-input', `unsupported docker host scheme "${url.protocol}" in "${host}"`);
  }
}

export const createDockerodeClient: DockerClientFactory = (endpoint, apiVersion) => new Docker(dockerOptionsFor(endpoint, apiVersion));

/** The unix socket path of an endpoint, if it is a local socket. */
export function socketPathOf(endpoint: EngineEndpoint): string | undefined {
  if (endpoint.host.startsWith('unix://')) return endpoint.host.slice('unix://'.length);
  if (endpoint.host.startsWith('/')) return endpoint.host;
  return undefined;
}
