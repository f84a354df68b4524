/**
 * An in-memory EngineApi (Wharf's own engine layer, src/main/core/engine/engine-api.ts) for unit tests of the
 * services over it: cleanup, image removal, networks. It is a fake of our interface, not of the Docker HTTP API.
 * Where those services rely on the engine's behaviour it answers as dockerd does (daemon/images/image_delete.go,
 * daemon/network.go, buildkit's prune), with the same EngineError codes, statuses and messages the real layer
 * throws; the rest throws "fake-engine: not implemented".
 *
 * The state is plain mutable arrays (`fake.state`), so a test can change the engine behind Wharf's back between
 * a preview and its run; `fake.calls` records every call, so a test can say what was never asked.
 */
import { createHash } from 'node:crypto';
import type { EngineApi } from '../../src/main/core/engine/engine-api';
import { EngineError } from '../../src/main/core/engine/engine-errors';
import { asDiskUsage } from '../../src/main/core/engine/engine-normalize';
import type {
  EngineContainerSummary,
  EngineImageDeleted,
  EngineImageInspect,
  EngineImageSummary,
  EngineLabels,
  EngineNetwork,
  EngineVolume,
} from '../../src/main/core/engine/engine-types';
import type { EngineForbiddenDetails } from '../../src/shared/engine-failure';
import { cidrsOverlap } from './cidr';

export interface FakeLayer {
  diffId: string;
  size: number;
}

export interface FakeImage {
  /** sha256:<64 hex>. */
  id: string;
  parent?: string;
  /** repo:tag in the familiar form the engine lists (no docker.io/ or library/). */
  tags: string[];
  /** repo@sha256:… */
  digests: string[];
  /** RootFS.Layers, base first: the parent's layers too. The image's Size is their sum, as the engine counts it. */
  layers: FakeLayer[];
  created?: number;
  labels?: EngineLabels;
}

export type FakeContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'dead';

export interface FakeContainer {
  /** 64 hex. */
  id: string;
  name: string;
  imageId: string;
  state: FakeContainerState;
  /** Names of the volumes it mounts. */
  mounts: string[];
  /** Names of the networks it is attached to (what a network's inspect lists as its Containers). */
  networks: string[];
  created?: number;
  finishedAt?: string;
}

export interface FakeVolume {
  name: string;
  labels?: EngineLabels;
  createdAt?: string;
  size?: number;
}

export interface FakeNetwork {
  id: string;
  name: string;
  driver?: string;
  subnet?: string;
  internal?: boolean;
  labels?: EngineLabels;
}

export interface FakeBuildCache {
  id: string;
  /** The records this one builds on. */
  parents: string[];
  type?: string;
  description?: string;
  inUse?: boolean;
  shared?: boolean;
  size: number;
}

export interface FakeState {
  images: FakeImage[];
  containers: FakeContainer[];
  volumes: FakeVolume[];
  /** Starts with bridge (172.17.0.0/16), host and none, as every engine does. */
  networks: FakeNetwork[];
  buildCache: FakeBuildCache[];
}

export interface FakeCall {
  method: keyof EngineApi;
  args: unknown[];
}

export interface FakeEngine extends EngineApi {
  state: FakeState;
  calls: FakeCall[];
  /** The arguments of each call to `method`, in order. */
  callsTo(method: keyof EngineApi): unknown[][];
  /** Points `ref` at image `id` (`docker tag` from outside Wharf): the tag leaves any other image. Not recorded. */
  retag(ref: string, id: string): void;
}

/** A stable 64-hex ID for a test object. */
export function hexId(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

export function imageId(seed: string): string {
  return `sha256:${hexId(seed)}`;
}

export const BUILTIN_NETWORK_IDS = { bridge: hexId('network:bridge'), host: hexId('network:host'), none: hexId('network:none') };

const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
const notFound = (message: string): EngineError => new EngineError('not-found', message, 404);
const conflict = (message: string): EngineError => new EngineError('conflict', message, 409);
const forbidden = (message: string): EngineError => new EngineError('failed', message, 403, { reason: 'engine-forbidden' } satisfies EngineForbiddenDetails);
/** Removes in place: a test may hold on to fake.state's arrays. */
function drop<T>(list: T[], item: T): void {
  list.splice(list.indexOf(item), 1);
}

const RUNNING: ReadonlySet<FakeContainerState> = new Set(['running', 'paused', 'restarting']);

/** The familiar form the engine lists a name in: without docker.io/ and library/, :latest when it has no tag or digest. */
function familiar(ref: string): string {
  const r = ref.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
  return !r.includes('@') && r.lastIndexOf(':') <= r.lastIndexOf('/') ? `${r}:latest` : r;
}

function repoOf(ref: string): string {
  const at = ref.indexOf('@');
  if (at !== -1) return ref.slice(0, at);
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? ref.slice(0, colon) : ref;
}

/** By full ID, by name, then by a unique ID prefix: the engine's order for containers and networks. */
function lookup<T extends { id: string; name: string }>(all: readonly T[], ref: string): T | undefined {
  const exact = all.find((o) => o.id === ref) ?? all.find((o) => o.name === ref.replace(/^\//, ''));
  if (exact) return exact;
  const prefixed = ref === '' ? [] : all.filter((o) => o.id.startsWith(ref));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

function filtersOf(filters: string | undefined, known: readonly string[]): Record<string, string[]> {
  const parsed = (filters ? JSON.parse(filters) : {}) as Record<string, string[]>;
  for (const key of Object.keys(parsed)) if (!known.includes(key)) throw new Error(`fake-engine: not implemented: filter ${key}`);
  return parsed;
}

/**
 * `parentsKey`: how df names a build cache record's parents at API 1.42+ — 'Parents'; ' Parents' as engines 23–26
 * spell it; 'none' as dockerd 26.1 answers at API 1.41 (no Parent at all).
 */
export function createFakeEngine(seed: Partial<FakeState> & { apiVersion?: string; parentsKey?: 'Parents' | ' Parents' | 'none' } = {}): FakeEngine {
  const apiVersion = seed.apiVersion ?? '1.43';
  const state: FakeState = structuredClone({
    images: seed.images ?? [],
    containers: seed.containers ?? [],
    volumes: seed.volumes ?? [],
    networks: [
      { id: BUILTIN_NETWORK_IDS.bridge, name: 'bridge', driver: 'bridge', subnet: '172.17.0.0/16' },
      { id: BUILTIN_NETWORK_IDS.host, name: 'host', driver: 'host' },
      { id: BUILTIN_NETWORK_IDS.none, name: 'none', driver: 'null' },
      ...(seed.networks ?? []),
    ],
    buildCache: seed.buildCache ?? [],
  });
  const calls: FakeCall[] = [];

  // Images ------------------------------------------------------------------------------------------------
  const refsOf = (img: FakeImage): string[] => [...img.tags, ...img.digests];
  const usersOf = (id: string): FakeContainer[] => state.containers.filter((c) => c.imageId === id);
  const childrenOf = (id: string): FakeImage[] => state.images.filter((i) => i.parent === id);
  const sizeOf = (img: FakeImage): number => img.layers.reduce((n, l) => n + l.size, 0);

  /** A name as the engine resolves it: a reference (tag or digest), else a unique ID prefix. */
  function findImage(name: string): { image: FakeImage; ref?: string } {
    const ref = familiar(name);
    const named = state.images.find((i) => refsOf(i).includes(ref));
    if (named) return { image: named, ref };
    const hex = name.replace(/^sha256:/, '');
    const byId = /^[0-9a-f]+$/.test(hex) ? state.images.filter((i) => i.id.replace(/^sha256:/, '').startsWith(hex)) : [];
    if (byId.length === 1 && byId[0]) return { image: byId[0] };
    throw notFound(`No such image: ${name}`);
  }

  function untag(img: FakeImage, ref: string, records: EngineImageDeleted[]): void {
    img.tags = img.tags.filter((t) => t !== ref);
    img.digests = img.digests.filter((d) => d !== ref);
    records.push({ Untagged: ref });
  }

  /** checkImageDeleteConflict: hard conflicts always, soft ones (references, stopped containers) unless forced. */
  function deleteConflict(img: FakeImage, soft: boolean): { error: EngineError; used: boolean } | undefined {
    const users = usersOf(img.id);
    const running = users.find((c) => RUNNING.has(c.state));
    const stopped = users.find((c) => !RUNNING.has(c.state));
    const why = (text: string, used: boolean): { error: EngineError; used: boolean } => ({ error: conflict(`conflict: unable to delete ${short(img.id)} ${text}`), used });
    if (childrenOf(img.id).length > 0) return why('(cannot be forced) - image has dependent child images', false);
    if (running) return why(`(cannot be forced) - image is being used by running container ${short(running.id)}`, true);
    if (soft && refsOf(img).length > 0) return why('(must be forced) - image is referenced in multiple repositories', false);
    if (soft && stopped) return why(`(must be forced) - image is being used by stopped container ${short(stopped.id)}`, true);
    return undefined;
  }

  /** imageDeleteHelper: delete the image, then prune its parent quietly while it is untagged and unused. */
  function deleteImage(img: FakeImage, force: boolean, prune: boolean, quiet: boolean, records: EngineImageDeleted[]): void {
    const found = deleteConflict(img, !force);
    if (found) {
      const dangling = refsOf(img).length === 0 && childrenOf(img.id).length === 0;
      if (quiet && (!dangling || found.used)) return;
      throw found.error;
    }
    for (const ref of refsOf(img)) untag(img, ref, records);
    drop(state.images, img);
    // The engine also lists the layers it released (by chain ID); the fake leaves them out.
    records.push({ Deleted: img.id });
    const parent = state.images.find((i) => i.id === img.parent);
    if (prune && parent) deleteImage(parent, false, true, true, records);
  }

  function removeImage(name: string, force: boolean, prune: boolean): EngineImageDeleted[] {
    const { image: img, ref } = findImage(name);
    const records: EngineImageDeleted[] = [];
    const singleRepository = new Set(refsOf(img).map(repoOf)).size <= 1;
    if (ref !== undefined) {
      const user = usersOf(img.id)[0];
      if (!force && singleRepository && user) {
        throw conflict(`conflict: unable to remove repository reference "${name}" (must force) - container ${short(user.id)} is using its referenced image ${short(img.id)}`);
      }
      untag(img, ref, records);
      // The last tag of a repository takes that repository's digest references with it.
      if (!ref.includes('@') && !img.tags.some((t) => repoOf(t) === repoOf(ref))) for (const d of img.digests.filter((d) => repoOf(d) === repoOf(ref))) untag(img, d, records);
      if (refsOf(img).length > 0) return records;
      deleteImage(img, force, prune, true, records);
      return records;
    }
    if (singleRepository) {
      const found = deleteConflict({ ...img, tags: [], digests: [] }, !force);
      if (found) throw found.error;
      for (const r of refsOf(img)) untag(img, r, records);
    }
    deleteImage(img, force, prune, false, records);
    return records;
  }

  function retag(ref: string, id: string): void {
    const name = familiar(ref);
    for (const img of state.images) img.tags = img.tags.filter((t) => t !== name);
    const img = state.images.find((i) => i.id === id);
    if (!img) throw notFound(`No such image: ${id}`);
    img.tags.push(name);
  }

  function imageSummary(img: FakeImage, sharedSize: number, containers: number): EngineImageSummary {
    return {
      Id: img.id,
      ParentId: img.parent ?? '',
      RepoTags: [...img.tags],
      RepoDigests: [...img.digests],
      Created: img.created ?? 1_700_000_000,
      Size: sizeOf(img),
      SharedSize: sharedSize,
      Containers: containers,
      Labels: { ...img.labels },
    };
  }

  /** Layers are stored once per chain (the same diff IDs from the base up). */
  function chainKeys(img: FakeImage): Array<[string, number]> {
    return img.layers.map((l, i) => [img.layers.slice(0, i + 1).map((x) => x.diffId).join('|'), l.size]);
  }

  // Containers, volumes, networks ------------------------------------------------------------------------
  const findContainer = (ref: string): FakeContainer => {
    const c = lookup(state.containers, ref);
    if (!c) throw notFound(`No such container: ${ref}`);
    return c;
  };
  const imageName = (id: string): string => state.images.find((i) => i.id === id)?.tags[0] ?? id;
  const networkId = (name: string): string => state.networks.find((n) => n.name === name)?.id ?? '';
  const ancestry = (id: string): string[] => {
    const img = state.images.find((i) => i.id === id);
    return img ? [id, ...(img.parent ? ancestry(img.parent) : [])] : [id];
  };

  function containerSummary(c: FakeContainer): EngineContainerSummary {
    return {
      Id: c.id,
      Names: [`/${c.name}`],
      Image: imageName(c.imageId),
      ImageID: c.imageId,
      Command: '',
      Created: c.created ?? 1_700_000_000,
      State: c.state,
      Status: RUNNING.has(c.state) ? 'Up 5 minutes' : 'Exited (0) 5 minutes ago',
      Ports: [],
      Labels: {},
      Mounts: c.mounts.map((name) => ({ Type: 'volume', Name: name, Destination: `/${name}` })),
      NetworkSettings: { Networks: Object.fromEntries(c.networks.map((n) => [n, { NetworkID: networkId(n) }])) },
    };
  }

  function volume(v: FakeVolume): EngineVolume {
    return { Name: v.name, Driver: 'local', Mountpoint: `/var/lib/docker/volumes/${v.name}/_data`, Scope: 'local', Labels: { ...v.labels }, ...(v.createdAt ? { CreatedAt: v.createdAt } : {}) };
  }
  const findVolume = (name: string): FakeVolume => {
    const v = state.volumes.find((x) => x.name === name);
    if (!v) throw notFound(`get ${name}: no such volume`);
    return v;
  };

  function network(n: FakeNetwork, withContainers: boolean): EngineNetwork {
    const attached = withContainers ? state.containers.filter((c) => c.networks.includes(n.name)) : [];
    return {
      Id: n.id,
      Name: n.name,
      Driver: n.driver ?? 'bridge',
      Scope: 'local',
      Created: '2024-01-01T00:00:00Z',
      Internal: n.internal ?? false,
      Labels: { ...n.labels },
      IPAM: { Config: n.subnet ? [{ Subnet: n.subnet }] : [] },
      Containers: Object.fromEntries(attached.map((c) => [c.id, { Name: c.name, EndpointID: hexId(`endpoint:${c.id}:${n.id}`) }])),
    };
  }
  const findNetwork = (ref: string): FakeNetwork => {
    const n = lookup(state.networks, ref);
    if (!n) throw notFound(`network ${ref} not found`);
    return n;
  };

  // The API -------------------------------------------------------------------------------------------------
  const notImplemented = (method: string) => (): never => {
    throw new Error(`fake-engine: not implemented: ${method}`);
  };
  const api: EngineApi = {
    ready: () => undefined,
    connected: () => true,
    version: () => ({ Version: '24.0.7', ApiVersion: apiVersion, Os: 'linux', Arch: 'amd64' }),
    apiVersion: () => apiVersion,
    ping: async () => undefined,
    info: notImplemented('info'),
    async diskUsage() {
      const holders = new Map<string, number>();
      for (const img of state.images) for (const [key] of chainKeys(img)) holders.set(key, (holders.get(key) ?? 0) + 1);
      const layerSizes = new Map(state.images.flatMap(chainKeys));
      const sharedSize = (img: FakeImage): number => chainKeys(img).reduce((n, [key, size]) => n + ((holders.get(key) ?? 0) > 1 ? size : 0), 0);
      const newParents = Number(apiVersion.split('.')[1]) >= 42;
      // The raw answer of this API version, read by the engine layer's own normalization.
      return asDiskUsage({
        LayersSize: [...layerSizes.values()].reduce((n, s) => n + s, 0),
        Images: state.images.map((img) => imageSummary(img, sharedSize(img), usersOf(img.id).length)),
        Containers: state.containers.map((c) => ({ ...containerSummary(c), SizeRw: 0 })),
        Volumes: state.volumes.map((v) => ({ ...volume(v), UsageData: { Size: v.size ?? 0, RefCount: state.containers.filter((c) => c.mounts.includes(v.name)).length } })),
        BuildCache: state.buildCache.map((b) => ({
          ID: b.id,
          ...(seed.parentsKey === 'none'
            ? {}
            : newParents
              ? b.parents.length > 0
                ? { [seed.parentsKey ?? 'Parents']: [...b.parents] }
                : {}
              : { Parent: b.parents[0] ?? '' }),
          Type: b.type ?? 'regular',
          Description: b.description ?? '',
          InUse: b.inUse ?? false,
          Shared: b.shared ?? false,
          Size: b.size,
          LastUsedAt: '2024-01-01T00:00:00Z',
          UsageCount: 1,
        })),
      });
    },

    async listImages(query) {
      filtersOf(query?.filters, []);
      const parents = new Set(state.images.map((i) => i.parent));
      // Without all=1 the engine hides untagged intermediate images.
      return state.images.filter((i) => query?.all || i.tags.length > 0 || !parents.has(i.id)).map((i) => imageSummary(i, -1, -1));
    },
    async inspectImage(name) {
      const { image: img } = findImage(name);
      const inspect: EngineImageInspect = {
        Id: img.id,
        RepoTags: [...img.tags],
        RepoDigests: [...img.digests],
        Parent: img.parent ?? '',
        Size: sizeOf(img),
        RootFS: { Type: 'layers', Layers: img.layers.map((l) => l.diffId) },
      };
      return inspect;
    },
    async imageHistory(name) {
      const { image: img } = findImage(name);
      return [...img.layers].reverse().map((l, i) => ({
        Id: i === 0 ? img.id : '<missing>',
        Created: img.created ?? 1_700_000_000,
        CreatedBy: `/bin/sh -c #(nop) ADD ${l.diffId}`,
        Tags: i === 0 ? [...img.tags] : [],
        Size: l.size,
        Comment: '',
      }));
    },
    async tagImage(name, repo, tag) {
      retag(`${repo}:${tag || 'latest'}`, findImage(name).image.id);
    },
    async removeImage(name, { force, noprune }) {
      return removeImage(name, force, !noprune);
    },
    pullImage: notImplemented('pullImage'),
    pushImage: notImplemented('pushImage'),
    /** buildkit's prune with `all`: records the filter matches, not in use, that no record left builds on, until none is left. */
    async pruneBuildCache(filters, all) {
      if (!all) throw new Error('fake-engine: not implemented: pruneBuildCache without all');
      const ids = filtersOf(filters, ['id']).id ?? [];
      if (ids.length > 1) throw new EngineError('invalid-input', 'filters expect only one value', 400);
      const matches = (b: FakeBuildCache): boolean => ids.length === 0 || b.id.includes(ids[0] ?? '');
      const deleted: FakeBuildCache[] = [];
      for (;;) {
        const leaves = state.buildCache.filter((b) => matches(b) && !b.inUse && !state.buildCache.some((o) => o.parents.includes(b.id)));
        if (leaves.length === 0) break;
        for (const b of leaves) drop(state.buildCache, b);
        deleted.push(...leaves);
      }
      return { CachesDeleted: deleted.map((b) => b.id), SpaceReclaimed: deleted.reduce((n, b) => n + b.size, 0) };
    },

    async listContainers(query) {
      const filters = filtersOf(query?.filters, ['ancestor', 'volume']);
      const ancestors = (filters.ancestor ?? []).flatMap((name) => {
        try {
          return [findImage(name).image.id];
        } catch {
          // The engine ignores an ancestor it does not know: it matches nothing.
          return [];
        }
      });
      return state.containers
        .filter((c) => query?.all || RUNNING.has(c.state))
        .filter((c) => !filters.ancestor || ancestry(c.imageId).some((id) => ancestors.includes(id)))
        .filter((c) => !filters.volume || c.mounts.some((m) => filters.volume?.includes(m)))
        .map(containerSummary);
    },
    async inspectContainer(id) {
      const c = findContainer(id);
      return {
        Id: c.id,
        Name: `/${c.name}`,
        Image: c.imageId,
        Config: { Image: imageName(c.imageId) },
        State: { Status: c.state, Running: RUNNING.has(c.state), Paused: c.state === 'paused', Restarting: c.state === 'restarting', FinishedAt: c.finishedAt ?? '0001-01-01T00:00:00Z' },
        Mounts: c.mounts.map((name) => ({ Type: 'volume', Name: name, Source: `/var/lib/docker/volumes/${name}/_data`, Destination: `/${name}`, Mode: 'z', RW: true })),
        NetworkSettings: { Networks: Object.fromEntries(c.networks.map((n) => [n, { IPAddress: '' }])) },
      };
    },
    createContainer: notImplemented('createContainer'),
    containerAction: notImplemented('containerAction'),
    async removeContainer(id, { volumes, force }) {
      if (volumes) throw new Error('fake-engine: not implemented: removeContainer with volumes');
      const c = findContainer(id);
      if (RUNNING.has(c.state) && !force) {
        throw conflict(`cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`);
      }
      drop(state.containers, c);
    },
    renameContainer: notImplemented('renameContainer'),
    statContainerPath: notImplemented('statContainerPath'),
    importImage: notImplemented('importImage'),
    containerLogs: notImplemented('containerLogs'),
    containerStats: notImplemented('containerStats'),
    createExec: notImplemented('createExec'),
    startExec: notImplemented('startExec'),
    resizeExec: notImplemented('resizeExec'),
    inspectExec: notImplemented('inspectExec'),

    async listVolumes() {
      return state.volumes.map(volume);
    },
    createVolume: notImplemented('createVolume'),
    async inspectVolume(name) {
      return volume(findVolume(name));
    },
    async removeVolume(name) {
      const v = findVolume(name);
      const users = state.containers.filter((c) => c.mounts.includes(name));
      if (users.length > 0) throw conflict(`remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`);
      drop(state.volumes, v);
    },

    async listNetworks() {
      // The list answer leaves Containers empty; inspect fills it.
      return state.networks.map((n) => network(n, false));
    },
    async inspectNetwork(id) {
      return network(findNetwork(id), true);
    },
    async createNetwork(body) {
      const name = String(body.Name);
      if (state.networks.some((n) => n.name === name)) throw conflict(`network with name ${name} already exists`);
      const subnet = (body.IPAM as { Config?: Array<{ Subnet?: string }> } | undefined)?.Config?.[0]?.Subnet;
      if (subnet && state.networks.some((n) => n.subnet && cidrsOverlap(n.subnet, subnet))) {
        throw forbidden('invalid pool request: Pool overlaps with other one on this address space');
      }
      const id = hexId(`network:${name}:${state.networks.length}`);
      state.networks.push({ id, name, driver: String(body.Driver ?? 'bridge'), ...(subnet ? { subnet } : {}), internal: body.Internal === true, labels: { ...(body.Labels as EngineLabels | undefined) } });
      return { Id: id };
    },
    async removeNetwork(id) {
      const n = findNetwork(id);
      if (['bridge', 'host', 'none'].includes(n.name)) throw forbidden(`${n.name} is a pre-defined network and cannot be removed`);
      if (state.containers.some((c) => c.networks.includes(n.name))) throw forbidden(`error while removing network: network ${n.name} id ${n.id} has active endpoints`);
      drop(state.networks, n);
    },
    connectNetwork: notImplemented('connectNetwork'),
    disconnectNetwork: notImplemented('disconnectNetwork'),

    checkAuth: notImplemented('checkAuth'),
    stream: notImplemented('stream'),
  };

  const recorded = Object.fromEntries(
    Object.entries(api).map(([method, fn]) => [
      method,
      (...args: unknown[]): unknown => {
        calls.push({ method: method as keyof EngineApi, args });
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as EngineApi;

  return {
    ...recorded,
    state,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method).map((c) => c.args),
    retag,
  };
}
