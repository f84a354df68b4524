/**
 * The engine picked in Wharf's switcher, remembered across restarts in Wharf's own settings
 * ($XDG_CONFIG_HOME/wharf/engine.json): a context's name, never a host — the host list is the CLI's. It counts below
 * what the launch itself says (--docker-host, DOCKER_HOST, DOCKER_CONTEXT) and above the CLI's current context, so
 * a `docker context use` in a terminal does not move Wharf behind the user's back.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../atomic-file';

export function choiceFile(env: Record<string, string | undefined>, home: string): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'wharf', 'engine.json');
}

/** The remembered name, or undefined (none, or a file that is not Wharf's shape: ignored, never guessed from). */
export function readChoice(file: string): string | undefined {
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { engine?: unknown }).engine;
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function writeChoice(file: string, engine: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify({ engine }, null, 2)}\n`, 0o600);
}
