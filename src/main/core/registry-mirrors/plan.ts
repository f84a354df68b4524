/** The pure part of a plan: check the entries, merge them into the parsed file, diff, and find flag conflicts. */
import { createHash } from 'node:crypto';
import {
  checkEntries,
  checkInsecureEntry,
  checkMirrorEntry,
  type RegistryMirrorsPlan,
  type FlagConflict,
  type ParseProblem,
  type RegistrySettings,
} from '../../../shared/registry-mirrors';
import type { DockerdFlags } from './dockerd-process';
import { parseDaemonJson } from './json-text';
import { editRegistryValues, lineDiff } from './merge';

export function fileHash(text: string | undefined): string {
  return text === undefined ? '' : createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Keys dockerd got as flags that the file would also set: dockerd refuses its configuration then. */
export function flagConflicts(config: Record<string, unknown>, flags: Pick<DockerdFlags, 'registryMirrors' | 'insecureRegistries'> | undefined): FlagConflict[] {
  if (!flags) return [];
  const conflicts: FlagConflict[] = [];
  if (flags.registryMirrors.length > 0 && 'registry-mirrors' in config) {
    conflicts.push({ key: 'registry-mirrors', flag: '--registry-mirror', flagValues: flags.registryMirrors });
  }
  if (flags.insecureRegistries.length > 0 && 'insecure-registries' in config) {
    conflicts.push({ key: 'insecure-registries', flag: '--insecure-registry', flagValues: flags.insecureRegistries });
  }
  return conflicts;
}

export type ContentPlan = Pick<
  RegistryMirrorsPlan,
  'path' | 'currentHash' | 'mirrors' | 'insecure' | 'valid' | 'unchanged' | 'newText' | 'diff' | 'conflicts' | 'parseError'
> & { wanted: RegistrySettings };

/**
 * `text` undefined: the file does not exist (the same as `{}`). A file that does not parse (or whose bytes are not
 * UTF-8: `undecodable`) gets no new text.
 */
export function contentPlan(path: string, text: string | undefined, input: RegistrySettings, flags?: DockerdFlags, undecodable?: ParseProblem): ContentPlan {
  const mirrors = checkEntries(input.registryMirrors, checkMirrorEntry);
  const insecure = checkEntries(input.insecureRegistries, checkInsecureEntry);
  const wanted: RegistrySettings = {
    registryMirrors: mirrors.flatMap((e) => (e.value ? [e.value] : [])),
    insecureRegistries: insecure.flatMap((e) => (e.value ? [e.value] : [])),
  };
  const base = { path, currentHash: fileHash(text), mirrors, insecure, wanted };
  const parsed = undecodable ? ({ ok: false, problem: undecodable } as const) : parseDaemonJson(text ?? '');
  if (!parsed.ok) {
    return { ...base, valid: false, unchanged: true, newText: text ?? '', diff: [], conflicts: [], parseError: parsed.problem };
  }
  const newText = editRegistryValues(text, wanted);
  const edited = parseDaemonJson(newText);
  const conflicts = flagConflicts(edited.ok ? edited.value : {}, flags);
  const entriesOk = [...mirrors, ...insecure].every((e) => e.problem === undefined);
  const unchanged = newText === (text ?? '');
  return {
    ...base,
    valid: entriesOk && conflicts.length === 0,
    unchanged,
    newText,
    diff: lineDiff(text ?? '', newText),
    conflicts,
  };
}
