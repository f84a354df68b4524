/**
 * Prefix acceleration: a mirror that serves other registries under its own name, `m.daocloud.io/ghcr.io/org/app:1`
 * for `ghcr.io/org/app:1`. The engine's `registry-mirrors` only ever apply to Docker Hub; for ghcr.io, gcr.io,
 * quay.io, registry.k8s.io, mcr.microsoft.com and nvcr.io a pull has to name the mirror. Wharf pulls the prefixed
 * name, tags the image with the name the user asked for and removes the mirror's name, so `docker image ls` shows
 * exactly what was asked for. Pure: the page checks entries as the core does.
 */
import type { ParsedReference } from './image-reference';

/** The registries prefix mirrors commonly serve (DaoCloud's m.daocloud.io covers these); users may add others. */
export const PREFIX_SOURCE_REGISTRIES = ['docker.io', 'ghcr.io', 'gcr.io', 'quay.io', 'registry.k8s.io', 'mcr.microsoft.com', 'nvcr.io'] as const;

/** One source registry and the prefix its pulls go through. */
export interface PrefixMirror {
  /** The registry as references name it: ghcr.io, quay.io… */
  registry: string;
  /** host[:port][/path]: m.daocloud.io, 127.0.0.1:5000/mirror. */
  prefix: string;
}

export interface PrefixMirrors {
  prefixes: PrefixMirror[];
  /** Where they are kept ($XDG_CONFIG_HOME/wharf/prefix-mirrors.json). */
  file: string;
}

/** Why an entry cannot be saved; i18n keys under registryMirrors.prefixProblem. */
export type PrefixProblem = 'empty' | 'has-scheme' | 'not-a-host' | 'bad-path' | 'same-as-source' | 'duplicate';

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]{1,5})?$/;
/** A repository path component (distribution/reference): the prefixed name must still be a valid reference. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** A source registry as typed: a host with an optional port, lowercase. */
export function checkSourceRegistry(raw: string): { value: string } | { problem: PrefixProblem } {
  const text = raw.trim().toLowerCase().replace(/\/+$/, '');
  if (text === '') return { problem: 'empty' };
  if (/^[a-z]+:\/\//.test(text)) return { problem: 'has-scheme' };
  // It becomes a path component of the prefixed name, so it cannot carry a port.
  if (!HOST.test(text) || !PATH_COMPONENT.test(text)) return { problem: 'not-a-host' };
  return { value: text };
}

/** A prefix as typed: host[:port] and optional path components, no scheme ("m.daocloud.io", "mirror.local:5000/hub"). */
export function checkPrefix(raw: string): { value: string } | { problem: PrefixProblem } {
  const text = raw.trim().replace(/\/+$/, '');
  if (text === '') return { problem: 'empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { problem: 'has-scheme' };
  const [host = '', ...path] = text.split('/');
  if (!HOST.test(host.toLowerCase()) || (!host.includes('.') && !host.includes(':') && host !== 'localhost')) return { problem: 'not-a-host' };
  if (path.some((part) => !PATH_COMPONENT.test(part))) return { problem: 'bad-path' };
  return { value: [host.toLowerCase(), ...path].join('/') };
}

/** Checks a whole list: each entry's problems at its index, else the normalised list. */
export function checkPrefixMirrors(entries: readonly PrefixMirror[]): { value: PrefixMirror[] } | { problems: Array<{ index: number; field: 'registry' | 'prefix'; problem: PrefixProblem }> } {
  const problems: Array<{ index: number; field: 'registry' | 'prefix'; problem: PrefixProblem }> = [];
  const value: PrefixMirror[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const registry = checkSourceRegistry(entry.registry);
    const prefix = checkPrefix(entry.prefix);
    if ('problem' in registry) problems.push({ index, field: 'registry', problem: registry.problem });
    if ('problem' in prefix) problems.push({ index, field: 'prefix', problem: prefix.problem });
    if (!('value' in registry) || !('value' in prefix)) return;
    if (seen.has(registry.value)) problems.push({ index, field: 'registry', problem: 'duplicate' });
    else if (prefix.value.split('/')[0] === registry.value) problems.push({ index, field: 'prefix', problem: 'same-as-source' });
    else value.push({ registry: registry.value, prefix: prefix.value });
    seen.add(registry.value);
  });
  return problems.length > 0 ? { problems } : { value };
}

/** `ghcr.io/org/app:1` through `m.daocloud.io` → `m.daocloud.io/ghcr.io/org/app:1` (Docker Hub keeps its library/). */
export function prefixedReference(ref: Pick<ParsedReference, 'domain' | 'path' | 'tag'>, prefix: string): string {
  return `${prefix}/${ref.domain}/${ref.path}:${ref.tag ?? 'latest'}`;
}

/** What the CLI would run for the same pull: pull the mirror's name, tag it as asked, remove the mirror's name. */
export function prefixPullCommands(asked: string, pulled: string): string[][] {
  return [
    ['docker', 'pull', pulled],
    ['docker', 'tag', pulled, asked],
    ['docker', 'rmi', pulled],
  ];
}
