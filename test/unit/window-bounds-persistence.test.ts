/** The window comes back at its saved size; a missing or broken state file gives the default window. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WindowBounds } from '../../src/main/electron/window-state';
import { loadWindowBounds, saveWindowBounds } from '../../src/main/electron/window-state';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wharf-unit-window-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function defaults(): WindowBounds {
  return loadWindowBounds(join(dir, 'never-created'));
}

describe('loadWindowBounds', () => {
  it('the default window (no state saved yet) is a usable size and has no position', () => {
    const bounds = defaults();
    expect(bounds.width).toBeGreaterThanOrEqual(640);
    expect(bounds.height).toBeGreaterThanOrEqual(480);
    expect(bounds.x).toBeUndefined();
    expect(bounds.y).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['truncated JSON', '{"width": 1500, "hei'],
    ['null', 'null'],
    ['an array', '[1500, 900]'],
    ['a string', '"big"'],
    ['sizes as words', '{"width": "wide", "height": "tall"}'],
    ['no size', '{"x": 10, "y": 20}'],
    ['a zero size (an invisible window)', '{"width": 0, "height": 0}'],
    ['a negative size', '{"width": -1500, "height": -900}'],
  ])('a broken file (%s) gives the default window', (_name, content) => {
    writeFileSync(join(dir, 'window-state.json'), content);
    expect(loadWindowBounds(dir)).toEqual(defaults());
  });

  it('keeps a saved size and position', () => {
    saveWindowBounds(dir, { width: 1500, height: 900, x: 40, y: 60, maximized: false });
    expect(loadWindowBounds(dir)).toMatchObject({ width: 1500, height: 900, x: 40, y: 60 });
  });

  it('remembers a maximized window', () => {
    saveWindowBounds(dir, { width: 1500, height: 900, maximized: true });
    expect(loadWindowBounds(dir)).toMatchObject({ width: 1500, height: 900, maximized: true });
  });

  it('keeps a saved size without a position', () => {
    saveWindowBounds(dir, { width: 1100, height: 700 });
    const bounds = loadWindowBounds(dir);
    expect(bounds).toMatchObject({ width: 1100, height: 700 });
    expect(bounds.x).toBeUndefined();
  });

  it('saving creates the directory when it does not exist yet (first run)', () => {
    const fresh = join(dir, 'config', 'Wharf');
    saveWindowBounds(fresh, { width: 1200, height: 800 });
    expect(loadWindowBounds(fresh)).toMatchObject({ width: 1200, height: 800 });
  });

  it('the latest save wins', () => {
    saveWindowBounds(dir, { width: 1100, height: 700 });
    saveWindowBounds(dir, { width: 1300, height: 750 });
    expect(loadWindowBounds(dir)).toMatchObject({ width: 1300, height: 750 });
  });
});
