/**
 * containers.logUsage and containers.truncateLogs. Sizes are read through the engine (a probe container that is
 * never started: engine-probe.ts), so Wharf needs no root to see them, also for a remote engine. Truncation writes
 * root's files: one privileged `truncate -s 0` (pkexec on the desktop, directly as root, the commands in web mode; a
 * rootless engine's own files directly), only of paths the engine's inspect names that lie in the container's own
 * folder under the engine's data root.
 */
import { posix } from 'node:path';
import { FILE_LOG_DRIVERS, type ContainerLogUsage, type LogUsage, type TruncateLogsItem, type TruncateLogsResult } from '../../../shared/container-logs';
import type { TaskInfo } from '../../../shared/tasks';
import type { EngineApi } from '../engine/engine-api';
import { withProbe, type Probe } from '../engine/engine-probe';
import type { EngineContainerInspect } from '../engine/engine-types';
import { WharfError, toErrorInfo } from '../errors';
import type { TaskManager } from '../tasks/task-manager';

const CONCURRENCY = 8;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T);
      }
    }),
  );
  return out;
}

interface LogConfig {
  Type?: string;
  Config?: Record<string, string> | null;
}

/** Where a container's log files are: the current one and each rotated name it may have (plain or compressed). */
export function logFiles(inspect: Pick<EngineContainerInspect, 'Id' | 'LogPath' | 'HostConfig'>, dataRoot: string): { driver: string; options: Record<string, string>; files: string[] | null } {
  const config = ((inspect.HostConfig as { LogConfig?: LogConfig } | undefined)?.LogConfig ?? {}) as LogConfig;
  const driver = config.Type ?? 'json-file';
  const options = { ...(config.Config ?? {}) };
  if (!(FILE_LOG_DRIVERS as readonly string[]).includes(driver)) return { driver, options, files: null };
  const folder = posix.join(dataRoot, 'containers', inspect.Id);
  const current = driver === 'json-file' ? (typeof inspect.LogPath === 'string' ? inspect.LogPath : '') : posix.join(folder, 'local-logs', 'container.log');
  // Only the container's own folder: a LogPath anywhere else is not touched (nor measured).
  if (current === '' || posix.normalize(current) !== current || !current.startsWith(`${folder}/`)) return { driver, options, files: [] };
  // json-file rotates only with max-size; local always (100 MB × 5 by default), compressed by default.
  const maxFile = Number(options['max-file'] ?? (driver === 'local' ? '5' : '1'));
  const rotates = driver === 'local' || options['max-size'] !== undefined;
  const rotated = rotates && Number.isInteger(maxFile) && maxFile > 1 ? Array.from({ length: Math.min(maxFile, 100) - 1 }, (_, i) => [`${current}.${i + 1}`, `${current}.${i + 1}.gz`]).flat() : [];
  return { driver, options, files: [current, ...rotated] };
}

async function usageOf(engine: EngineApi, probe: Probe, inspect: EngineContainerInspect, dataRoot: string): Promise<ContainerLogUsage & { present: string[] }> {
  const { driver, options, files } = logFiles(inspect, dataRoot);
  const project = inspect.Config?.Labels?.['com.docker.compose.project'];
  const base = { id: inspect.Id, name: inspect.Name.replace(/^\//, ''), driver, options, unlimited: driver === 'json-file' && options['max-size'] === undefined, ...(project ? { project } : {}) };
  if (files === null) return { ...base, bytes: null, present: [] };
  const sizes = await Promise.all(files.map(async (file) => [file, await probe.sizeOf(file)] as const));
  const present = sizes.filter(([, size]) => size !== undefined);
  return { ...base, bytes: present.reduce((sum, [, size]) => sum + (size ?? 0), 0), present: present.map(([file]) => file) };
}

async function dataRootOf(engine: EngineApi): Promise<string> {
  const root = (await engine.info()).DockerRootDir;
  if (!root || !posix.isAbsolute(root)) throw new WharfError('failed', 'the engine did not say where its data is (DockerRootDir)');
  return posix.normalize(root);
}

async function inspectAll(engine: EngineApi, ids: readonly string[] | undefined): Promise<Array<EngineContainerInspect | undefined>> {
  const wanted = ids ?? (await engine.listContainers({ all: true })).map((c) => c.Id);
  return mapLimit(wanted, CONCURRENCY, (id) => engine.inspectContainer(id).catch(() => undefined));
}

/** The log size of each container (`ids`, else all), largest first. */
export async function logUsage(engine: EngineApi, ids?: readonly string[]): Promise<LogUsage> {
  const dataRoot = await dataRootOf(engine);
  const inspected = (await inspectAll(engine, ids)).filter((c): c is EngineContainerInspect => c !== undefined);
  const rows = await withProbe(engine, posix.join(dataRoot, 'containers'), (probe) => mapLimit(inspected, CONCURRENCY, (c) => usageOf(engine, probe, c, dataRoot)));
  const clean = rows.map(({ present: _p, ...row }) => row).sort((a, b) => (b.bytes ?? -1) - (a.bytes ?? -1) || a.name.localeCompare(b.name));
  return { rows: clean, total: clean.reduce((sum, r) => sum + (r.bytes ?? 0), 0) };
}

export interface TruncateDeps {
  engine: EngineApi;
  tasks: TaskManager;
  /** Runs one argv as the engine's owner: root through the privilege runner, the user for a rootless engine. */
  exec(argv: string[]): Promise<unknown>;
  /** truncate(1) where this system has it. */
  truncateBinary: string;
  /** The engine is on another host: its files are there. */
  remote: boolean;
}

/**
 * Truncates the chosen containers' log files (current and rotated) to zero, running or stopped: dockerd appends to
 * the same open file, so `docker logs` shows only what comes after, and the container keeps running. A container
 * removed since the preview is skipped.
 */
export function truncateLogs(deps: TruncateDeps, ids: readonly string[]): TaskInfo<'container-logs-truncate'> {
  if (deps.remote) throw new WharfError('unsupported', "the engine's log files are on its own host: truncate them there");
  return deps.tasks.start({ kind: 'container-logs-truncate', target: ids.length === 1 ? (ids[0] as string) : `${ids.length} containers`, cancellable: false }, async (ctx) => {
    const { engine } = deps;
    const dataRoot = await dataRootOf(engine);
    const inspected = await inspectAll(engine, ids);
    const chosen = await withProbe(engine, posix.join(dataRoot, 'containers'), (probe) =>
      mapLimit(inspected, CONCURRENCY, async (c) => (c ? usageOf(engine, probe, c, dataRoot) : undefined)),
    );
    const items: TruncateLogsItem[] = [];
    const paths: string[] = [];
    chosen.forEach((row, i) => {
      if (!row) items.push({ id: ids[i] as string, name: ids[i] as string, outcome: 'skipped', reason: 'gone' });
      else if (row.bytes === null) items.push({ id: row.id, name: row.name, outcome: 'skipped', reason: 'no-local-file' });
      else {
        items.push({ id: row.id, name: row.name, outcome: 'truncated', bytes: row.bytes });
        paths.push(...row.present);
      }
    });
    const commands = paths.length > 0 ? [[deps.truncateBinary, '-s', '0', '--', ...paths]] : [];
    ctx.log(commands.map((argv) => `$ ${argv.join(' ')}`));
    try {
      for (const argv of commands) await deps.exec(argv);
    } catch (error) {
      const info = toErrorInfo(error);
      // Nothing is known to have been truncated: each one the command was for failed with its reason.
      for (const item of items) if (item.outcome === 'truncated') Object.assign(item, { outcome: 'failed', reason: info.message });
      if (info.code === 'unsupported' || info.code === 'permission-denied' || info.code === 'cancelled') throw new WharfError(info.code, info.message, { ...(info.details as object), commands });
    }
    const freed = items.reduce((sum, item) => sum + (item.outcome === 'truncated' ? (item.bytes ?? 0) : 0), 0);
    const result: TruncateLogsResult = { items, freed, commands };
    return result;
  });
}
