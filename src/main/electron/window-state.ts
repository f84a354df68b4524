import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };

function fileIn(userDataDir: string): string {
  return join(userDataDir, 'window-state.json');
}

/** The remembered window size, or the default when none (or a broken file) is there. */
export function loadWindowBounds(userDataDir: string): WindowBounds {
  try {
    const parsed = JSON.parse(readFileSync(fileIn(userDataDir), 'utf8')) as Partial<WindowBounds>;
    const width = Number(parsed.width);
    const height = Number(parsed.height);
    if (!(width >= 640 && height >= 480 && width <= 10000 && height <= 10000)) return DEFAULT_BOUNDS;
    const bounds: WindowBounds = { width, height, maximized: parsed.maximized === true };
    if (Number.isFinite(parsed.x) && Number.isFinite(parsed.y)) {
      bounds.x = Number(parsed.x);
      bounds.y = Number(parsed.y);
    }
    return bounds;
  } catch {
    return DEFAULT_BOUNDS; // no file yet, or a broken one: the default size
  }
}

export function saveWindowBounds(userDataDir: string, bounds: WindowBounds): void {
  const file = fileIn(userDataDir);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(bounds));
  renameSync(`${file}.tmp`, file);
}
