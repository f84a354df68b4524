/** The only change Wharf makes to daemon.json: its two registry keys; every other key keeps its place and value. */
import type { DiffLine, RegistrySettings } from '../../../shared/registry-mirrors';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function registrySettingsOf(config: Record<string, unknown>): RegistrySettings {
  return { registryMirrors: stringList(config['registry-mirrors']), insecureRegistries: stringList(config['insecure-registries']) };
}

/**
 * Sets the two keys in place (a key that existed keeps its position; a new one goes last). An emptied list stays as
 * `[]` when the key was there: dockerd's reload only changes a setting whose key is present in the file.
 */
export function mergeRegistrySettings(config: Record<string, unknown>, settings: RegistrySettings): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const wanted: Array<[string, string[]]> = [
    ['registry-mirrors', settings.registryMirrors],
    ['insecure-registries', settings.insecureRegistries],
  ];
  for (const [key, value] of Object.entries(config)) {
    const replacement = wanted.find(([name]) => name === key);
    result[key] = replacement ? [...replacement[1]] : value;
  }
  for (const [key, list] of wanted) {
    if (!(key in result) && list.length > 0) result[key] = [...list];
  }
  return result;
}

const MAX_DIFF_CELLS = 4_000_000;

/** A line diff (longest common subsequence; removed lines before added ones); a huge file falls back to "all removed, all added". */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  if (a.length * b.length > MAX_DIFF_CELLS) {
    return [...a.map((text) => ({ op: 'remove' as const, text })), ...b.map((text) => ({ op: 'add' as const, text }))];
  }
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = table[i] as number[];
      row[j] = a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const diff: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      diff.push({ op: 'same', text: a[i] as string });
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || (table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0))) {
      diff.push({ op: 'remove', text: a[i] as string });
      i += 1;
    } else {
      diff.push({ op: 'add', text: b[j] as string });
      j += 1;
    }
  }
  return diff;
}
