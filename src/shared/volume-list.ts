/** The Volumes page's data: `docker volume ls` rows, their usage, and what a removal did to each. */
import { OBJECT_NAME } from './engine-names';

/** A container that mounts a volume or is attached to a network. */
export interface UsingContainer {
  id: string;
  /** Its first name, without the leading slash. */
  name: string;
  /** The engine's state ('running', 'exited', …). */
  state: string;
}

/** One volume as `docker volume ls` / `docker volume inspect` shows it. */
export interface VolumeRow {
  name: string;
  driver: string;
  mountpoint: string;
  scope: string;
  labels: Record<string, string>;
  /** ISO date as the engine reports it (CreatedAt), or null when the driver does not say. */
  created: string | null;
  /** Created without a name (`docker run -v /data`, `docker volume create` with no name): see isAnonymousVolume. */
  anonymous: boolean;
  /** Containers (running or not) that mount it. */
  containers: UsingContainer[];
}

export interface VolumeList {
  rows: VolumeRow[];
  /** ms since epoch. */
  listedAt: number;
}

/** GET /system/df's Volumes UsageData, by volume name; size -1 when the engine does not know. */
export interface VolumeUsage {
  volumes: Record<string, { size: number; refCount: number }>;
  measuredAt: number;
}

/** What one removal (rm or prune) did to one object, named as the user saw it. */
export interface RemovalOutcome {
  target: string;
  state: 'removed' | 'refused' | 'failed';
  /** Why it was refused or failed: 'in-use' (containers named), 'builtin', 'not-found', 'engine'. */
  reason?: 'in-use' | 'builtin' | 'not-found' | 'engine';
  containers?: string[];
  /** The engine's message, when any. */
  message?: string;
}

export interface RemovalReport {
  outcomes: RemovalOutcome[];
}

/** What a prune would remove: the unused volumes, anonymous ones (removed by default) apart from named ones. */
export interface VolumePrunePlan {
  anonymous: VolumeRow[];
  named: VolumeRow[];
}

/** The engine labels volumes created without a name with it (Docker 23 and later). */
export const ANONYMOUS_VOLUME_LABEL = 'com.docker.volume.anonymous';
const GENERATED_NAME = /^[0-9a-f]{64}$/;

/**
 * Anonymous as the engine tells it: the label it sets since Docker 23 or, for volumes made by older engines
 * (which set no label), the random 64-hex name it generates when none is given.
 */
export function isAnonymousVolume(name: string, labels: Record<string, string> | null | undefined): boolean {
  if (labels && Object.prototype.hasOwnProperty.call(labels, ANONYMOUS_VOLUME_LABEL)) return true;
  return GENERATED_NAME.test(name);
}

/** The engine's rule for volume names (`[a-zA-Z0-9][a-zA-Z0-9_.-]+`). */
export const VOLUME_NAME = OBJECT_NAME;

/** `docker volume create [--driver D] [--label k=v]… [--opt k=v]… [NAME]` as argv. */
export function volumeCreateCommand(input: { name?: string; driver: string; labels: Record<string, string>; options: Record<string, string> }): string[] {
  const argv = ['docker', 'volume', 'create'];
  if (input.driver && input.driver !== 'local') argv.push('--driver', input.driver);
  for (const [k, v] of Object.entries(input.labels)) argv.push('--label', `${k}=${v}`);
  for (const [k, v] of Object.entries(input.options)) argv.push('--opt', `${k}=${v}`);
  if (input.name) argv.push(input.name);
  return argv;
}
