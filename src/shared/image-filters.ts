/**
 * `docker image ls` filters as the CLI sends them: the engine's `filters` JSON and the equivalent command line.
 * Pure, shared by the core (the request) and the renderer (the copyable command).
 */
import type { ImageFilters, ImageListInput } from './images';

/** The engine's filter map: `{"reference":{"busy*":true},"dangling":{"true":true}}` (docker/cli filters.ToJSON). */
export type EngineFilters = Record<string, Record<string, true>>;

/** Each `-f key=value` the CLI would be given, in a stable order (reference, since, before, dangling, label). */
export function filterPairs(filters: ImageFilters): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const ref of filters.reference ?? []) pairs.push(['reference', ref]);
  if (filters.since !== undefined) pairs.push(['since', filters.since]);
  if (filters.before !== undefined) pairs.push(['before', filters.before]);
  if (filters.dangling !== undefined) pairs.push(['dangling', String(filters.dangling)]);
  for (const label of filters.label ?? []) pairs.push(['label', label]);
  return pairs;
}

/** The filter map the CLI builds from its `-f` flags; keys sorted like Go's JSON encoding of a map. */
export function toEngineFilters(filters: ImageFilters): EngineFilters {
  const map: EngineFilters = {};
  for (const [key, value] of filterPairs(filters)) (map[key] ??= {})[value] = true;
  const sorted: EngineFilters = {};
  for (const key of Object.keys(map).sort()) {
    const values: Record<string, true> = {};
    for (const value of Object.keys(map[key] ?? {}).sort()) values[value] = true;
    sorted[key] = values;
  }
  return sorted;
}

/** The `filters` query parameter, or undefined when there is none (the CLI then sends no parameter). */
export function engineFiltersParam(filters: ImageFilters): string | undefined {
  const map = toEngineFilters(filters);
  return Object.keys(map).length === 0 ? undefined : JSON.stringify(map);
}

/** The equivalent CLI command as argv: `docker image ls [-a] [-f key=value]…`. */
export function imageListCommand(input: ImageListInput): string[] {
  const argv = ['docker', 'image', 'ls'];
  if (input.all) argv.push('-a');
  for (const [key, value] of filterPairs(input.filters)) argv.push('-f', `${key}=${value}`);
  return argv;
}
