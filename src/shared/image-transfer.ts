/** Pull, push and tag: the shared shapes. The reference grammar is in image-reference.ts (the renderer validates as the core does). */

/** What a finished pull reports. */
export interface PullResult {
  /** The reference pulled, as docker prints it (busybox:latest). */
  reference: string;
  /** Full image ID of the pulled image. */
  id: string;
  /** The digest the registry answered (sha256:…), when it did. */
  digest?: string;
  /** True when the engine already had this exact image ("Image is up to date"). */
  upToDate: boolean;
  /** Who served it: the registry itself (or, for Docker Hub, the engine's registry-mirrors), or a prefix mirror. */
  source: PullSource;
  /** The docker CLI commands that do the same (one `docker pull`, or pull + tag + rmi through a prefix). */
  commands: string[][];
}

export type PullSource = { kind: 'direct' } | { kind: 'prefix'; prefix: string; /** The mirror's name pulled, then removed. */ pulled: string };

export interface PushResult {
  reference: string;
  digest?: string;
}

/** Task step keys (tasks.step.<key>) a pull or push reports. */
export type TransferStepKey = 'starting' | 'downloading' | 'extracting' | 'verifying' | 'pushing' | 'finishing';

/** WharfErrorInfo.details of a pull or push the registry refused for want of credentials. */
export interface RegistryAuthDetails {
  reason: 'registry-auth';
  /** The registry host (docker.io for Docker Hub). */
  registry: string;
}

export function isRegistryAuthDetails(details: unknown): details is RegistryAuthDetails {
  return !!details && typeof details === 'object' && (details as { reason?: unknown }).reason === 'registry-auth';
}
