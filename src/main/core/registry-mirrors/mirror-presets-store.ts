/**
 * The mirror presets in use: the list Wharf ships, or one the user loaded from a file or a URL they chose (kept in
 * $XDG_CONFIG_HOME/wharf/mirror-presets.json until they go back to the shipped one). Wharf fetches a URL only when the
 * user asks it to load that URL; the list is checked against the same schema as the shipped one before it is kept.
 */
import { lstat, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BUILT_IN_PRESETS, mirrorPresetListSchema, type MirrorPresetList, type MirrorPresets } from '../../../shared/mirror-presets';
import { writeFileAtomic } from '../atomic-file';
import { WharfError } from '../errors';

/** A preset list is small; a larger answer is not one. */
export const MAX_PRESETS_BYTES = 256 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

export interface MirrorPresetsStore {
  read(): Promise<MirrorPresets>;
  load(from: string): Promise<MirrorPresets>;
  reset(): Promise<MirrorPresets>;
}

export function mirrorPresetsFile(env: Record<string, string | undefined>, home: string): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'wharf', 'mirror-presets.json');
}

const builtIn = (): MirrorPresets => ({ presets: BUILT_IN_PRESETS.presets, source: { kind: 'built-in' } });

/** Checks a loaded text: JSON, then the schema; the first problem says where. */
export function parsePresetList(text: string): MirrorPresetList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WharfError('invalid-input', `not a JSON file: ${(error as Error).message}`, { field: 'from', problem: 'not-json' });
  }
  const checked = mirrorPresetListSchema.safeParse(json);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const at = issue?.path.join('.') ?? '';
    throw new WharfError('invalid-input', `not a Wharf preset list${at ? ` at ${at}` : ''}: ${issue?.message ?? 'invalid'}`, { field: 'from', problem: 'not-presets', at });
  }
  return checked.data;
}

async function readSource(from: string): Promise<string> {
  if (from.startsWith('/')) {
    const info = await lstat(from).catch(() => undefined);
    if (!info?.isFile()) throw new WharfError('not-found', `${from}: no such file`, { field: 'from', problem: 'no-file' });
    if (info.size > MAX_PRESETS_BYTES) throw new WharfError('invalid-input', `${from} is larger than 256 KiB`, { field: 'from', problem: 'too-large' });
    return readFile(from, 'utf8');
  }
  let url: URL;
  try {
    url = new URL(from);
  } catch {
    throw new WharfError('invalid-input', `"${from}" is neither an absolute path nor a URL`, { field: 'from', problem: 'not-a-source' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WharfError('invalid-input', `only http(s) URLs can be loaded: ${from}`, { field: 'from', problem: 'not-a-source' });
  if (url.username !== '' || url.password !== '') throw new WharfError('invalid-input', 'a URL with a password is not loaded', { field: 'from', problem: 'credentials' });
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new WharfError('failed', `could not load ${url.href}: ${cause}`, { field: 'from', problem: 'unreachable' });
  }
  if (!response.ok) throw new WharfError('failed', `${url.href} answered HTTP ${response.status}`, { field: 'from', problem: 'http-status', status: response.status });
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_PRESETS_BYTES) throw new WharfError('invalid-input', `${url.href} is larger than 256 KiB`, { field: 'from', problem: 'too-large' });
  const body = await response.text();
  if (Buffer.byteLength(body) > MAX_PRESETS_BYTES) throw new WharfError('invalid-input', `${url.href} is larger than 256 KiB`, { field: 'from', problem: 'too-large' });
  return body;
}

export function createMirrorPresetsStore(file: string, clock: { now(): number }): MirrorPresetsStore {
  return {
    async read() {
      try {
        const kept = JSON.parse(await readFile(file, 'utf8')) as { list?: unknown; source?: MirrorPresets['source'] };
        const list = mirrorPresetListSchema.parse(kept.list);
        const source = kept.source && kept.source.kind !== 'built-in' && typeof kept.source.from === 'string' ? kept.source : undefined;
        return source ? { presets: list.presets, source } : builtIn();
      } catch {
        return builtIn();
      }
    },
    async load(from) {
      const list = parsePresetList(await readSource(from));
      const source: MirrorPresets['source'] = { kind: from.startsWith('/') ? 'file' : 'url', from, loadedAt: clock.now() };
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      await writeFileAtomic(file, `${JSON.stringify({ list, source }, null, 2)}\n`, 0o600);
      return { presets: list.presets, source };
    },
    async reset() {
      await rm(file, { force: true });
      return builtIn();
    },
  };
}
