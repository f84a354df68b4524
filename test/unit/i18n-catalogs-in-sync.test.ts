/**
 * The English and Simplified Chinese catalogs say the same things: the same keys, no empty text, the
 * same {{variables}} in each message, and a message for every error code, engine state and the other
 * closed sets the renderer looks up by name.
 */
import { describe, expect, it } from 'vitest';
import { catalogs as bundled } from '../../src/renderer/src/i18n/catalogs';
import type { DiskUsageKind } from '../../src/shared/disk-usage';
import type { EndpointSource, EngineState } from '../../src/shared/engine';
import { ERROR_CODES } from '../../src/shared/errors';
import { REGISTRY_MIRRORS_REFUSALS } from '../../src/shared/registry-mirrors';
import type { TaskState } from '../../src/shared/tasks';

/** Compile-time proof that a list names every member of a union (adding a member breaks the typecheck). */
type Exhaustive<Union, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [never] ? List : never;

const ENGINE_STATES = ['connecting', 'connected', 'not-running', 'permission-denied', 'not-installed', 'unreachable'] as const;
const ENDPOINT_SOURCES = ['flag', 'DOCKER_HOST', 'DOCKER_CONTEXT', 'config-context', 'rootless', 'default', 'chosen'] as const;
const TASK_STATES = ['running', 'succeeded', 'failed', 'cancelled'] as const;
const DISK_USAGE_KINDS = ['images', 'containers', 'volumes', 'buildCache'] as const;
const engineStates: Exhaustive<EngineState, typeof ENGINE_STATES> = ENGINE_STATES;
const endpointSources: Exhaustive<EndpointSource, typeof ENDPOINT_SOURCES> = ENDPOINT_SOURCES;
const taskStates: Exhaustive<TaskState, typeof TASK_STATES> = TASK_STATES;
const diskUsageKinds: Exhaustive<DiskUsageKind, typeof DISK_USAGE_KINDS> = DISK_USAGE_KINDS;

/** Nested catalog → { "a.b.c": leaf }. Leaves that are not strings are kept, so the test can flag them. */
function flatten(node: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, node);
  }
  return out;
}

/** The interpolation variables of a message: {{name}} and {{name, format}} both give "name". */
function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^},\s]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '').sort();
}

const catalogs = { en: flatten(bundled.en), 'zh-CN': flatten(bundled['zh-CN']) };

describe('i18n catalogs', () => {
  it('have exactly the same keys', () => {
    const enKeys = [...catalogs.en.keys()];
    const zhKeys = [...catalogs['zh-CN'].keys()];
    expect(enKeys.filter((k) => !catalogs['zh-CN'].has(k)), 'missing from zh-CN').toEqual([]);
    expect(zhKeys.filter((k) => !catalogs.en.has(k)), 'missing from en').toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s: every message is a non-empty string', (_locale, catalog) => {
    const bad = [...catalog].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('each message uses the same {{variables}} in both languages', () => {
    const differing: string[] = [];
    for (const [key, value] of catalogs.en) {
      const other = catalogs['zh-CN'].get(key);
      if (typeof value !== 'string' || typeof other !== 'string') continue;
      if (variables(value).join(',') !== variables(other).join(',')) differing.push(`${key}: en {${variables(value).join(',')}} zh-CN {${variables(other).join(',')}}`);
    }
    expect(differing).toEqual([]);
  });

  it('the variable check sees variables', () => {
    expect(variables('Tasks: {{count}} running, {{ size, number }} and {{target}}')).toEqual(['count', 'size', 'target']);
  });

  it.each(Object.entries(catalogs))('%s: every error code has errors.<code>', (_locale, catalog) => {
    expect(ERROR_CODES.filter((code) => typeof catalog.get(`errors.${code}`) !== 'string')).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s: every engine state has engine.state.<state>', (_locale, catalog) => {
    expect(engineStates.filter((state) => typeof catalog.get(`engine.state.${state}`) !== 'string')).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s: every endpoint source has engine.source.<source>', (_locale, catalog) => {
    expect(endpointSources.filter((source) => typeof catalog.get(`engine.source.${source}`) !== 'string')).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s: every task state has tasks.state.<state>', (_locale, catalog) => {
    expect(taskStates.filter((state) => typeof catalog.get(`tasks.state.${state}`) !== 'string')).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s: every disk usage row has dashboard.df.kind.<kind>', (_locale, catalog) => {
    expect(diskUsageKinds.filter((kind) => typeof catalog.get(`dashboard.df.kind.${kind}`) !== 'string')).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s: every daemon.json refusal has registryMirrors.refused.<reason>', (_locale, catalog) => {
    expect(REGISTRY_MIRRORS_REFUSALS.filter((reason) => typeof catalog.get(`registryMirrors.refused.${reason}`) !== 'string')).toEqual([]);
  });
});
