/**
 * Engine answers as the engine layer hands them to the pure modules (engine-types.ts), for unit tests that build
 * them literally: a test names the fields its case is about and the rest get the neutral values
 * engine-normalize.ts gives a field the engine left out ('', 0, [], {}; SharedSize and Containers -1), except
 * where a function says otherwise.
 */
import type {
  EngineBuildCacheRecord,
  EngineContainerSummary,
  EngineDiskUsage,
  EngineImageSummary,
  EngineNetwork,
  EngineVolume,
} from '../../src/main/core/engine/engine-types';

export function imageSummary(fields: Pick<EngineImageSummary, 'Id'> & Partial<EngineImageSummary>): EngineImageSummary {
  return { ParentId: '', RepoTags: [], RepoDigests: [], Created: 0, Size: 0, SharedSize: -1, Containers: -1, Labels: {}, ...fields };
}

export function containerSummary(fields: Pick<EngineContainerSummary, 'Id'> & Partial<EngineContainerSummary>): EngineContainerSummary {
  return { Names: [], Image: '', ImageID: '', Command: '', Created: 0, State: '', Status: '', Ports: [], Labels: {}, Mounts: [], ...fields };
}

/** A local volume unless the case says otherwise. */
export function volume(fields: Pick<EngineVolume, 'Name'> & Partial<EngineVolume>): EngineVolume {
  return { Driver: 'local', Mountpoint: '', Labels: {}, ...fields };
}

/** A local bridge network with no container attached unless the case says otherwise. */
export function network(fields: Pick<EngineNetwork, 'Id' | 'Name'> & Partial<EngineNetwork>): EngineNetwork {
  return { Driver: 'bridge', Scope: 'local', Created: '', Labels: {}, Containers: {}, ...fields };
}

export function buildCacheRecord(fields: Pick<EngineBuildCacheRecord, 'ID'> & Partial<EngineBuildCacheRecord>): EngineBuildCacheRecord {
  return { Parents: [], Type: '', InUse: false, Shared: false, Size: 0, ...fields };
}

export function diskUsage(fields: Partial<EngineDiskUsage>): EngineDiskUsage {
  return { LayersSize: 0, Images: [], Containers: [], Volumes: [], BuildCache: [], ...fields };
}
