/**
 * One shape for the answers of engine 20.10 (API 1.41) through 28 (API 1.50). Engines send `null` for an empty
 * list, leave out fields a version does not know, and API 1.42 replaced BuildCache's `Parent` with `Parents`.
 * Values that mean something (`<none>:<none>` tags of old engines, SharedSize -1) are kept as the engine sent them:
 * the CLI's own rules read them (images-rows.ts).
 */
import type { DockerEvent } from '../../../shared/events';
import type {
  EngineBuildCacheRecord,
  EngineContainerSummary,
  EngineDiskUsage,
  EngineImageSummary,
  EngineLabels,
  EngineNetwork,
  EngineVolume,
} from './engine-types';

type Loose = Record<string, unknown>;

export function orEmpty<T>(list: readonly T[] | null | undefined): T[] {
  return Array.isArray(list) ? [...list] : [];
}

function labels(value: unknown): EngineLabels {
  return value && typeof value === 'object' ? (value as EngineLabels) : {};
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function asImageSummary(raw: unknown): EngineImageSummary {
  const r = raw as Loose;
  return {
    ...(r as object),
    Id: str(r.Id),
    ParentId: str(r.ParentId),
    RepoTags: orEmpty(r.RepoTags as string[] | null),
    RepoDigests: orEmpty(r.RepoDigests as string[] | null),
    Created: num(r.Created, 0),
    Size: num(r.Size, 0),
    SharedSize: num(r.SharedSize, -1),
    Containers: num(r.Containers, -1),
    Labels: labels(r.Labels),
  };
}

export function asContainerSummary(raw: unknown): EngineContainerSummary {
  const r = raw as Loose;
  return {
    ...(r as object),
    Id: str(r.Id),
    Names: orEmpty(r.Names as string[] | null),
    Image: str(r.Image),
    ImageID: str(r.ImageID),
    Command: str(r.Command),
    Created: num(r.Created, 0),
    State: str(r.State),
    Status: str(r.Status),
    Ports: orEmpty(r.Ports as EngineContainerSummary['Ports'] | null),
    Labels: labels(r.Labels),
    Mounts: orEmpty(r.Mounts as EngineContainerSummary['Mounts'] | null),
  };
}

export function asVolume(raw: unknown): EngineVolume {
  const r = raw as Loose;
  return {
    ...(r as object),
    Name: str(r.Name),
    Driver: str(r.Driver),
    Mountpoint: str(r.Mountpoint),
    Labels: labels(r.Labels),
  };
}

export function asNetwork(raw: unknown): EngineNetwork {
  const r = raw as Loose;
  return {
    ...(r as object),
    Id: str(r.Id),
    Name: str(r.Name),
    Driver: str(r.Driver),
    Scope: str(r.Scope),
    Created: str(r.Created),
    Labels: labels(r.Labels),
    Containers: r.Containers && typeof r.Containers === 'object' ? (r.Containers as Record<string, unknown>) : {},
  };
}

/**
 * API 1.42+ sends Parents (and no Parent); 1.41 sends Parent. Engines 23–26 spell the key " Parents", with a
 * space (their struct tag has one; Go's CLI reads it by the field's name anyway), and send no Parent at 1.41.
 */
export function asBuildCache(raw: unknown): EngineBuildCacheRecord {
  const r = raw as Loose;
  const { Parent, ' Parents': spaced, ...rest } = r;
  const list = Array.isArray(r.Parents) ? r.Parents : Array.isArray(spaced) ? spaced : undefined;
  const parents = list ? list.filter((p): p is string => typeof p === 'string') : typeof Parent === 'string' && Parent !== '' ? [Parent] : [];
  return {
    ...(rest as object),
    ID: str(r.ID),
    Parents: parents.filter((p) => p !== ''),
    Type: str(r.Type),
    InUse: r.InUse === true,
    Shared: r.Shared === true,
    Size: num(r.Size, 0),
  };
}

/**
 * Wharf's own short-lived probe (a container that is never started, its empty image) is never the user's: no list,
 * count or size shows it.
 */
export const PROBE_LABEL = 'io.wharf.probe';
export const PROBE_IMAGE = 'wharf-probe';

/** An event of the probe (its container's, its image's): no list moves for it. */
export function isProbeEvent(e: DockerEvent): boolean {
  const a = e.Actor.Attributes ?? {};
  return PROBE_LABEL in a || (e.Type === 'image' && (a.name ?? '').startsWith(`${PROBE_IMAGE}:`)) || (a.image ?? '').startsWith(`${PROBE_IMAGE}:`);
}
export function notProbe(object: { Labels?: Record<string, string> | null }): boolean {
  return !(object.Labels && PROBE_LABEL in object.Labels);
}

export function asDiskUsage(raw: unknown): EngineDiskUsage {
  const r = (raw ?? {}) as Loose;
  return {
    LayersSize: num(r.LayersSize, 0),
    Images: orEmpty(r.Images as unknown[] | null).map(asImageSummary).filter(notProbe),
    Containers: orEmpty(r.Containers as unknown[] | null).map(asContainerSummary).filter(notProbe),
    Volumes: orEmpty(r.Volumes as unknown[] | null).map(asVolume),
    BuildCache: orEmpty(r.BuildCache as unknown[] | null).map(asBuildCache),
  };
}
