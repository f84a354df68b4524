/**
 * Folders the user opened on the Compose page, remembered in Wharf's own settings
 * ($XDG_CONFIG_HOME/wharf/compose-projects.json) so they are listed after a restart even with no containers.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ComposeOpened } from '../../../shared/compose';
import { writeFileAtomic } from '../atomic-file';

export function openedFile(env: Record<string, string | undefined>, home: string): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'wharf', 'compose-projects.json');
}

function isOpened(value: unknown): value is ComposeOpened {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.workingDir === 'string' && Array.isArray(v.files) && v.files.every((f) => typeof f === 'string');
}

/** What was remembered; a file that is missing or not Wharf's shape reads as nothing (never guessed from). */
export async function readOpened(file: string): Promise<ComposeOpened[]> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { projects?: unknown };
    return Array.isArray(parsed.projects) ? parsed.projects.filter(isOpened) : [];
  } catch {
    return [];
  }
}

export async function writeOpened(file: string, projects: readonly ComposeOpened[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify({ projects }, null, 2)}\n`, 0o600);
}

/** Remembers one folder (replacing an earlier entry of the same folder); the newest first. */
export async function rememberOpened(file: string, entry: ComposeOpened): Promise<void> {
  const others = (await readOpened(file)).filter((p) => p.workingDir !== entry.workingDir);
  await writeOpened(file, [entry, ...others].slice(0, 200));
}

export async function forgetOpened(file: string, workingDir: string): Promise<boolean> {
  const all = await readOpened(file);
  const kept = all.filter((p) => p.workingDir !== workingDir);
  if (kept.length === all.length) return false;
  await writeOpened(file, kept);
  return true;
}
