/** The Containers page's data: `docker ps [-a]` rows, lifecycle actions and details. */
import type { RunProblem } from './container-run';

export interface ContainerPort {
  /** Host address ('' when not published). */
  ip: string;
  /** Host port (absent when not published). */
  publicPort?: number;
  privatePort: number;
  type: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
export type ContainerHealth = 'starting' | 'healthy' | 'unhealthy';

/** One row as `docker ps -a --no-trunc` prints it. */
export interface ContainerRow {
  /** Full ID (64 hex). */
  id: string;
  /** The first name, without the leading slash. */
  name: string;
  image: string;
  imageId: string;
  /** The command as the engine reports it (the CLI prints it quoted). */
  command: string;
  /** Unix seconds. */
  created: number;
  state: ContainerState;
  /** The engine's status text, e.g. "Up 5 minutes (healthy)", "Exited (0) 2 hours ago". */
  status: string;
  health: ContainerHealth | null;
  ports: ContainerPort[];
  /** Label com.docker.compose.project, when any. */
  project: string | null;
  labels: Record<string, string>;
}

export interface ContainerList {
  rows: ContainerRow[];
  /** The equivalent CLI command as argv, e.g. ["docker","ps","-a"]. */
  command: string[];
  /** Epoch ms when the engine answered. */
  listedAt: number;
}

export const CONTAINER_ACTIONS = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove'] as const;
export type ContainerAction = (typeof CONTAINER_ACTIONS)[number];

export interface ContainerActionInput {
  ids: string[];
  action: ContainerAction;
  /** stop/restart: seconds before SIGKILL (the CLI's -t); absent: the container's own stop timeout. */
  timeout?: number;
  /** remove: also its anonymous volumes (-v). */
  removeVolumes?: boolean;
  /** remove: running ones too (-f). */
  force?: boolean;
}

/** The result of a container-action task. */
export interface ContainerActionReport {
  done: number;
  failed: number;
}

/** What the details dialog shows; `inspect` is the engine's answer verbatim (docker inspect). */
export interface ContainerDetails {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  env: string[];
  mounts: Array<{ type: string; source: string; destination: string; mode: string; rw: boolean; name?: string }>;
  networks: Array<{ name: string; ipAddress: string; gateway: string; macAddress: string; aliases: string[] }>;
  ports: ContainerPort[];
  labels: Record<string, string>;
  inspect: unknown;
}

/** containers.runPlan's answer: what is wrong (nothing → it can be created) and the equivalent command. */
export interface RunPlan {
  problems: RunProblem[];
  argv: string[];
}

/** `http://127.0.0.1:PORT` for a published TCP port (any host address that is reachable from here). */
export function portUrl(port: ContainerPort): string | null {
  if (port.publicPort === undefined || port.type !== 'tcp') return null;
  const host = port.ip === '' || port.ip === '0.0.0.0' || port.ip === '::' ? '127.0.0.1' : port.ip.includes(':') ? `[${port.ip}]` : port.ip;
  return `http://${host}:${port.publicPort}`;
}

/** The CLI's text for one port: "0.0.0.0:8080->80/tcp" or "80/tcp". */
export function portText(port: ContainerPort): string {
  if (port.publicPort === undefined) return `${port.privatePort}/${port.type}`;
  const ip = port.ip.includes(':') ? `[${port.ip}]` : port.ip;
  return `${ip}:${port.publicPort}->${port.privatePort}/${port.type}`;
}
