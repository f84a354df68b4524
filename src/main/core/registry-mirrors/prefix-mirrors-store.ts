/**
 * The prefix mirrors the user saved, per source registry, in Wharf's own settings
 * ($XDG_CONFIG_HOME/wharf/prefix-mirrors.json): they change how Wharf pulls, not the engine, so they are not in
 * daemon.json. A file that is missing or not Wharf's shape reads as none.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkPrefixMirrors, type PrefixMirror, type PrefixMirrors } from '../../../shared/prefix-mirrors';
import { writeFileAtomic } from '../atomic-file';
import { WharfError } from '../errors';

export interface PrefixMirrorsStore {
  read(): Promise<PrefixMirrors>;
  save(entries: readonly PrefixMirror[]): Promise<PrefixMirrors>;
  /** The saved prefix for a registry, if any. */
  prefixFor(registry: string): Promise<string | undefined>;
}

export function prefixMirrorsFile(env: Record<string, string | undefined>, home: string): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'wharf', 'prefix-mirrors.json');
}

export function createPrefixMirrorsStore(file: string): PrefixMirrorsStore {
  const read = async (): Promise<PrefixMirrors> => {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { prefixes?: unknown };
      const entries = Array.isArray(parsed.prefixes) ? parsed.prefixes.filter((p): p is PrefixMirror => typeof p?.registry === 'string' && typeof p?.prefix === 'string') : [];
      const checked = checkPrefixMirrors(entries);
      return { prefixes: 'value' in checked ? checked.value : [], file };
    } catch {
      return { prefixes: [], file };
    }
  };
  return {
    read,
    async save(entries) {
      const checked = checkPrefixMirrors(entries);
      if ('problems' in checked) {
        const first = checked.problems[0];
        throw new WharfError('invalid-input', `prefix mirror ${String((first?.index ?? 0) + 1)}: ${first?.problem ?? 'invalid'}`, { problems: checked.problems });
      }
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      await writeFileAtomic(file, `${JSON.stringify({ prefixes: checked.value }, null, 2)}\n`, 0o600);
      return { prefixes: checked.value, file };
    },
    async prefixFor(registry) {
      return (await read()).prefixes.find((p) => p.registry === registry)?.prefix;
    },
  };
}
