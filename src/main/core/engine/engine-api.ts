/**
 * The Engine API as the core uses it: one typed function per call, returning the Engine* types. Services call only
 * this. What every call needs is kept here, once:
 * - the negotiated API version and the differences between engine 20.10 and 28 (engine-normalize.ts);
 * - names checked with their grammar and percent-encoded (the guarded client, docker-client.ts), no redirects;
 * - a time limit on reads, so a hung engine answers `timeout` rather than never;
 * - engine errors mapped to the envelope's codes (engine-errors.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex, Readable } from 'node:stream';
import type Docker from 'dockerode';
import { WharfError } from '../errors';
import type { EngineConnection } from './connection';
import { enginePathName } from './docker-client';
import { engineError } from './engine-errors';
import { asContainerSummary, asDiskUsage, asImageSummary, asNetwork, asVolume, notProbe, orEmpty } from './engine-normalize';
import { dialStream, type StreamCall } from './engine-stream';
import type {
  EngineContainerInspect,
  EngineContainerSummary,
  EngineDiskUsage,
  EngineExecInspect,
  EngineHistoryItem,
  EngineImageDeleted,
  EngineImageInspect,
  EngineImageSummary,
  EngineInfo,
  EngineNetwork,
  EngineVersion,
  EngineVolume,
} from './engine-types';

/** `all` and `filters` exactly as the docker CLI sends them: all=1 only when asked, filters (JSON) only when set. */
export interface ListQuery {
  all?: boolean;
  /** The filters parameter as the CLI encodes it (image-filters.ts engineFiltersParam). */
  filters?: string;
  /** Containers only: SizeRw and SizeRootFs (`docker ps --size`, or a format that uses .Size); costly. */
  size?: boolean;
  /** Wharf's own probe objects too, which every list leaves out (only the probe's cleanup asks for them). */
  probes?: boolean;
}

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

export interface LogsQuery {
  follow: boolean;
  tail: number | 'all';
  since: number;
  timestamps: boolean;
}

export interface ExecCreate {
  Cmd: string[];
  User?: string;
  Env: string[];
}

export interface EngineApi {
  /** Throws the connection's state (engine-unreachable, permission-denied) unless the engine is usable now. */
  ready(): void;
  /** Connected now (no request made). */
  connected(): boolean;
  version(): EngineVersion;
  /** The negotiated API version (e.g. "1.41"). */
  apiVersion(): string;
  ping(signal?: AbortSignal): Promise<void>;
  info(): Promise<EngineInfo>;
  diskUsage(): Promise<EngineDiskUsage>;

  listImages(query?: ListQuery): Promise<EngineImageSummary[]>;
  inspectImage(name: string): Promise<EngineImageInspect>;
  imageHistory(name: string): Promise<EngineHistoryItem[]>;
  tagImage(name: string, repo: string, tag: string): Promise<void>;
  removeImage(name: string, options: { force: boolean; noprune: boolean }): Promise<EngineImageDeleted[]>;
  /** POST /images/create?fromImage&tag: one tag (or digest), never all tags; the answer streams JSON lines. */
  pullImage(fromImage: string, tag: string, signal: AbortSignal): Promise<IncomingMessage>;
  /** POST /images/{name}/push?tag; the answer streams JSON lines. */
  pushImage(name: string, tag: string, signal: AbortSignal): Promise<IncomingMessage>;
  /** POST /build/prune for the given filters (JSON as the engine takes them); answers what it deleted. */
  pruneBuildCache(filters: string, all: boolean): Promise<{ CachesDeleted: string[]; SpaceReclaimed: number }>;

  listContainers(query?: ListQuery): Promise<EngineContainerSummary[]>;
  inspectContainer(id: string): Promise<EngineContainerInspect>;
  createContainer(body: Record<string, unknown>): Promise<{ Id: string }>;
  containerAction(id: string, action: ContainerAction, timeoutSeconds?: number): Promise<void>;
  removeContainer(id: string, options: { volumes: boolean; force: boolean }): Promise<void>;
  renameContainer(id: string, name: string): Promise<void>;
  /**
   * HEAD /containers/{id}/archive: a path's stat inside a container (also a created one's bind mounts); undefined
   * when the path does not exist.
   */
  statContainerPath(id: string, path: string): Promise<{ size: number; mode: number } | undefined>;
  /** POST /images/create?fromSrc=-: an image from a root filesystem tar (`docker import`), with Dockerfile changes. */
  importImage(tar: Buffer, repo: string, tag: string, changes: string[]): Promise<void>;
  /** GET /containers/{id}/logs as a stream (multiplexed unless the container has a TTY; a Buffer when not following). */
  containerLogs(id: string, query: LogsQuery, signal: AbortSignal): Promise<Readable | Buffer>;
  /** GET /containers/{id}/stats?stream=1. */
  containerStats(id: string, signal: AbortSignal): Promise<Readable>;
  createExec(id: string, options: ExecCreate): Promise<string>;
  /** POST /exec/{id}/start, hijacked: stdin and a TTY over one socket. */
  startExec(execId: string): Promise<Duplex>;
  resizeExec(execId: string, cols: number, rows: number): Promise<void>;
  inspectExec(execId: string): Promise<EngineExecInspect>;

  listVolumes(): Promise<EngineVolume[]>;
  createVolume(body: { Name?: string; Driver?: string; DriverOpts?: Record<string, string>; Labels?: Record<string, string> }): Promise<EngineVolume>;
  inspectVolume(name: string): Promise<EngineVolume>;
  removeVolume(name: string): Promise<void>;

  listNetworks(): Promise<EngineNetwork[]>;
  inspectNetwork(id: string): Promise<EngineNetwork>;
  createNetwork(body: Record<string, unknown>): Promise<{ Id: string }>;
  removeNetwork(id: string): Promise<void>;
  connectNetwork(id: string, container: string): Promise<void>;
  disconnectNetwork(id: string, container: string, force: boolean): Promise<void>;

  /** POST /auth: the engine checks credentials with the registry. */
  checkAuth(credentials: { username: string; password: string; serveraddress: string }): Promise<{ IdentityToken?: string; Status?: string }>;
  /** Streaming calls (pull, push, build, save, load, import): resolves with the answer once the engine accepted it. */
  stream(call: StreamCall): Promise<IncomingMessage>;
}

/** What the CLI sends when it has no credentials for the registry: base64 of "{}". */
const EMPTY_AUTH = Buffer.from('{}').toString('base64');

/** A read that takes longer than this answers `timeout` (the engine is hung, or a remote one unreachable mid-call). */
export const READ_TIMEOUT_MS = 60_000;
/** GET /system/df sizes every volume and layer: give it longer. */
export const DISK_USAGE_TIMEOUT_MS = 300_000;

/**
 * dockerode takes an abortSignal in every call's options, though its typings do not say so for all of them (they
 * pick the callback overload): `promised(promised(d.info(withSignal(signal))))` keeps that untyped spot here.
 */
function withSignal(signal: AbortSignal | undefined): never {
  return (signal ? { abortSignal: signal } : {}) as never;
}
function promised(answer: unknown): Promise<unknown> {
  return answer as Promise<unknown>;
}

export interface EngineApiOptions {
  readTimeoutMs?: number;
  diskUsageTimeoutMs?: number;
}

export function createEngineApi(connection: EngineConnection, options: EngineApiOptions = {}): EngineApi {
  const readTimeoutMs = options.readTimeoutMs ?? READ_TIMEOUT_MS;
  const dfTimeoutMs = options.diskUsageTimeoutMs ?? DISK_USAGE_TIMEOUT_MS;

  /** One request: the client of the moment, its errors mapped; `limitMs` aborts a read that does not answer. */
  async function request<T>(what: string, run: (docker: Docker, signal: AbortSignal | undefined) => Promise<unknown>, limitMs?: number): Promise<T> {
    const docker = connection.client();
    if (limitMs === undefined) {
      try {
        return (await run(docker, undefined)) as T;
      } catch (error) {
        throw engineError(error);
      }
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), limitMs);
    // The signal ends the request where dockerode takes one; the race ends the wait where it does not (history).
    const late = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('late')), { once: true }));
    try {
      return (await Promise.race([run(docker, controller.signal), late])) as T;
    } catch (error) {
      if (controller.signal.aborted) throw new WharfError('timeout', `the engine did not answer ${what} within ${Math.round(limitMs / 1000)} s`);
      throw engineError(error);
    } finally {
      clearTimeout(timer);
    }
  }
  const read = <T>(what: string, run: (docker: Docker, signal: AbortSignal | undefined) => Promise<unknown>, limitMs = readTimeoutMs): Promise<T> =>
    request<T>(what, run, limitMs);
  const write = <T>(run: (docker: Docker) => Promise<unknown>): Promise<T> => request<T>('', (docker) => run(docker));
  const listQuery = (query: ListQuery | undefined, signal: AbortSignal | undefined): Record<string, unknown> => ({
    ...(query?.all ? { all: '1' } : {}),
    ...(query?.filters !== undefined ? { filters: query.filters } : {}),
    ...(query?.size ? { size: true } : {}),
    ...(signal ? { abortSignal: signal } : {}),
  });

  return {
    ready: () => void connection.client(),
    connected: () => connection.status().state === 'connected',
    version: () => {
      connection.client(); // not usable: the state's own code (permission-denied, engine-unreachable)
      return connection.version();
    },
    apiVersion: () => connection.status().apiVersion ?? connection.version().ApiVersion,
    ping: (signal) => request('GET /_ping', (d) => promised(d.ping(withSignal(signal)))),
    info: () => read('GET /info', (d, signal) => promised(d.info(withSignal(signal)))),
    diskUsage: async () => asDiskUsage(await read('GET /system/df', (d, signal) => promised(d.df(withSignal(signal))), dfTimeoutMs)),

    listImages: async (query) => {
      const images = (await read<unknown[]>('GET /images/json', (d, signal) => d.listImages(listQuery(query, signal)))).map(asImageSummary);
      return query?.probes ? images : images.filter(notProbe);
    },
    inspectImage: (name) => read('GET /images/{name}/json', (d, signal) => promised(d.getImage(name).inspect(withSignal(signal)))),
    imageHistory: async (name) =>
      (await read<EngineHistoryItem[]>('GET /images/{name}/history', (d) => d.getImage(name).history())).map((h) => ({ ...h, Tags: orEmpty(h.Tags) })),
    tagImage: (name, repo, tag) => write((d) => d.getImage(name).tag({ repo, tag })),
    removeImage: async (name, { force, noprune }) => orEmpty(await write<EngineImageDeleted[] | null>((d) => d.getImage(name).remove({ force, noprune }))),
    pruneBuildCache: async (filters, all) => {
      // dockerode's pruneBuilder sends no query: dial it with `all` and `filters` as the CLI does.
      const answer = await write<{ CachesDeleted?: string[] | null; SpaceReclaimed?: number } | null>(
        (d) =>
          new Promise((resolve, reject) => {
            d.modem.dial({ path: '/build/prune?', method: 'POST', options: { all, filters }, statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' } }, (error, data) =>
              error ? reject(error) : resolve(data),
            );
          }),
      );
      return { CachesDeleted: orEmpty(answer?.CachesDeleted), SpaceReclaimed: answer?.SpaceReclaimed ?? 0 };
    },
    pullImage: (fromImage, tag, signal) =>
      write((d) => dialStream(d, { method: 'POST', path: '/images/create', query: { _query: { fromImage, tag }, _body: {} }, headers: { 'X-Registry-Auth': EMPTY_AUTH }, signal })),
    pushImage: (name, tag, signal) =>
      write((d) =>
        dialStream(d, { method: 'POST', path: `/images/${enginePathName('image', name)}/push`, query: { _query: { tag }, _body: {} }, headers: { 'X-Registry-Auth': EMPTY_AUTH }, signal }),
      ),

    listContainers: async (query) => (await read<unknown[]>('GET /containers/json', (d, signal) => d.listContainers(listQuery(query, signal)))).map(asContainerSummary).filter(notProbe),
    inspectContainer: (id) => read('GET /containers/{id}/json', (d, signal) => promised(d.getContainer(id).inspect(withSignal(signal)))),
    createContainer: async (body) => {
      const container = await write<{ id: string }>((d) => d.createContainer(body as never));
      return { Id: container.id };
    },
    containerAction: (id, action, timeoutSeconds) =>
      write((d) => {
        const container = d.getContainer(id);
        const t = timeoutSeconds === undefined ? {} : { t: timeoutSeconds };
        switch (action) {
          case 'start':
            return container.start();
          case 'stop':
            return container.stop(t);
          case 'restart':
            return container.restart(t);
          case 'pause':
            return container.pause();
          case 'unpause':
            return container.unpause();
          case 'kill':
            return container.kill();
        }
      }),
    removeContainer: (id, { volumes, force }) => write((d) => d.getContainer(id).remove({ v: volumes, force })),
    renameContainer: (id, name) => write((d) => d.getContainer(id).rename({ name })),
    statContainerPath: (id, path) =>
      read('HEAD /containers/{id}/archive', (d, signal) =>
        new Promise((resolve, reject) => {
          d.modem.dial(
            { path: `/containers/${encodeURIComponent(id)}/archive?`, method: 'HEAD', options: { path }, isStream: true, ...(signal ? { abortSignal: signal } : {}), statusCodes: { 200: true, 404: true, 400: 'bad parameter', 500: 'server error' } },
            (error, res) => {
              if (error) return reject(error);
              const answer = res as IncomingMessage;
              answer.resume();
              const header = answer.headers['x-docker-container-path-stat'];
              if (answer.statusCode === 404 || typeof header !== 'string') return resolve(undefined);
              try {
                const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as { size?: unknown; mode?: unknown };
                resolve({ size: Number(stat.size) || 0, mode: Number(stat.mode) || 0 });
              } catch (parseError) {
                reject(parseError);
              }
            },
          );
        }),
      ),
    importImage: (tar, repo, tag, changes) =>
      write(
        (d) =>
          new Promise<void>((resolve, reject) => {
            d.modem.dial(
              { path: '/images/create?', method: 'POST', options: { fromSrc: '-', repo, tag, changes }, file: tar, isStream: true, statusCodes: { 200: true, 404: 'not found', 500: 'server error' } },
              (error, res) => {
                if (error) return reject(error);
                // The answer is a JSON progress stream; an error in it fails the import.
                const chunks: Buffer[] = [];
                const answer = res as IncomingMessage;
                answer.on('data', (c: Buffer) => chunks.push(c));
                answer.on('error', reject);
                answer.on('end', () => {
                  const text = Buffer.concat(chunks).toString('utf8');
                  const failed = /"error"\s*:\s*"([^"]*)"/.exec(text);
                  if (failed) reject(new Error(failed[1]));
                  else resolve();
                });
              },
            );
          }),
      ),
    containerLogs: (id, query, signal) =>
      write((d) =>
        promised(d.getContainer(id).logs({ follow: query.follow, stdout: true, stderr: true, tail: query.tail, since: query.since, timestamps: query.timestamps, abortSignal: signal } as never)),
      ),
    containerStats: (id, signal) => write((d) => promised(d.getContainer(id).stats({ stream: true, abortSignal: signal } as never))),
    createExec: async (id, options) => {
      const exec = await write<{ id: string }>((d) =>
        d.getContainer(id).exec({ Cmd: options.Cmd, ...(options.User ? { User: options.User } : {}), AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, Env: options.Env }),
      );
      return exec.id;
    },
    startExec: (execId) => write((d) => d.getExec(execId).start({ hijack: true, stdin: true, Tty: true })),
    resizeExec: (execId, cols, rows) => write((d) => d.getExec(execId).resize({ w: cols, h: rows })),
    inspectExec: (execId) => read('GET /exec/{id}/json', (d, signal) => promised(d.getExec(execId).inspect(withSignal(signal)))),

    listVolumes: async () => {
      const answer = await read<{ Volumes?: unknown[] | null }>('GET /volumes', (d, signal) => promised(d.listVolumes(withSignal(signal))));
      return orEmpty(answer.Volumes).map(asVolume);
    },
    createVolume: async (body) => {
      // dockerode answers a Volume handle; the engine's answer (the volume, with its generated name) is what counts.
      const answer = await write((d) =>
        new Promise((resolve, reject) => {
          d.modem.dial({ path: '/volumes/create?', method: 'POST', allowEmpty: true, options: body, statusCodes: { 200: true, 201: true, 500: 'server error' } }, (error, data) =>
            error ? reject(error) : resolve(data),
          );
        }),
      );
      return asVolume(answer);
    },
    inspectVolume: async (name) => asVolume(await read('GET /volumes/{name}', (d, signal) => promised(d.getVolume(name).inspect(withSignal(signal))))),
    removeVolume: (name) => write((d) => d.getVolume(name).remove()),

    listNetworks: async () => (await read<unknown[]>('GET /networks', (d, signal) => promised(d.listNetworks(withSignal(signal))))).map(asNetwork),
    inspectNetwork: async (id) => asNetwork(await read('GET /networks/{id}', (d, signal) => promised(d.getNetwork(id).inspect(withSignal(signal))))),
    createNetwork: async (body) => {
      const network = await write<{ id: string }>((d) => d.createNetwork(body as never));
      return { Id: network.id };
    },
    removeNetwork: (id) => write((d) => d.getNetwork(id).remove()),
    connectNetwork: (id, container) => write((d) => d.getNetwork(id).connect({ Container: container })),
    disconnectNetwork: (id, container, force) => write((d) => d.getNetwork(id).disconnect({ Container: container, Force: force })),

    checkAuth: (credentials) => write((d) => d.checkAuth(credentials)),
    stream: (call) => write((d) => dialStream(d, call)),
  };
}
