/** Where the engine endpoint came from, in the docker CLI's order of precedence. */
export type EndpointSource = 'flag' | 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'config-context' | 'rootless' | 'default' | 'chosen';

export interface EngineEndpoint {
  /** The endpoint as the docker CLI would print it: unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host */
  host: string;
  source: EndpointSource;
  /** The docker context that supplied the host, if any. */
  contextName?: string;
  /** TLS material for tcp:// endpoints from a context or DOCKER_CERT_PATH. */
  tls?: { caPath?: string; certPath?: string; keyPath?: string; verify: boolean };
}

/**
 * connecting: first attempt in progress; connected: /_ping and /version answered;
 * not-running: socket missing or refused; permission-denied: EACCES on the socket;
 * not-installed: no socket and no docker binaries; unreachable: remote host did not answer.
 */
export type EngineState = 'connecting' | 'connected' | 'not-running' | 'permission-denied' | 'not-installed' | 'unreachable';

export interface EngineStatus {
  state: EngineState;
  endpoint: EngineEndpoint;
  /** API version in use after negotiation, e.g. "1.41". */
  apiVersion?: string;
  serverVersion?: string;
  /** Raw OS or engine detail of the last failure (English). */
  detail?: string;
  /** Epoch ms when the next reconnect attempt is due, while not connected. */
  nextRetryAt?: number;
  /** Epoch ms of the last state change. */
  since: number;
}

/** A status in which the engine cannot be used (every state but connected). */
export type EngineProblemStatus = EngineStatus & { state: Exclude<EngineState, 'connected'> };

export function isEngineProblem(status: EngineStatus): status is EngineProblemStatus {
  return status.state !== 'connected';
}

export interface ContainerCounts {
  total: number;
  running: number;
  paused: number;
  stopped: number;
}

/** What the Dashboard shows of `docker version` and `docker info`. */
export interface EngineFacts {
  name: string;
  serverVersion: string;
  /** Negotiated API version used by Wharf. */
  apiVersion: string;
  /** Newest API version the engine supports. */
  serverApiVersion: string;
  minApiVersion: string;
  operatingSystem: string;
  osType: string;
  kernelVersion: string;
  architecture: string;
  cpus: number;
  memTotal: number;
  storageDriver: string;
  dockerRootDir: string;
  cgroupDriver: string;
  cgroupVersion: string;
  securityOptions: string[];
  registryMirrors: string[];
  insecureRegistries: string[];
  containers: ContainerCounts;
  images: number;
  warnings: string[];
}

/** The newest Engine API version Wharf has been tested against; negotiation never goes above it. */
export const NEWEST_TESTED_API_VERSION = '1.50';
/** The oldest Engine API version Wharf accepts (Docker 20.10). */
export const OLDEST_SUPPORTED_API_VERSION = '1.41';

/** Compares two dotted API versions ("1.41" < "1.50"). */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** min(server, newest tested), like the docker CLI's negotiation. */
export function negotiateApiVersion(serverApiVersion: string): string {
  return compareApiVersions(serverApiVersion, NEWEST_TESTED_API_VERSION) < 0 ? serverApiVersion : NEWEST_TESTED_API_VERSION;
}
