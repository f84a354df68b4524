import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { e2eEnv } from '../support/e2e-env';

const ROOT = join(__dirname, '../../..');

/** Where the electron package keeps its binary once downloaded (path.txt names it). */
function electronBinary(): string | undefined {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test.describe('the desktop app (Electron)', () => {
  test.skip(binary === undefined, 'Electron binary not installed (node_modules/electron/dist is missing: its download is not possible on this machine). Run `npx electron --version` where the network allows to fetch it.');

  test('opens the window with the locked-down bridge and shows the Dashboard of the engine', async () => {
    const app = await electron.launch({
      executablePath: binary,
      args: [join(ROOT, 'out/main/index.js'), '--no-sandbox', '--docker-host', e2eEnv().dockerHost],
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected');
      const exposed = await window.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        const bridge = w.wharf as { api: Record<string, unknown>; onEvent: unknown };
        return { keys: Object.keys(bridge).sort(), hasRequire: typeof w.require, hasProcess: typeof w.process };
      });
      expect(exposed).toEqual({ keys: ['api', 'onEvent'], hasRequire: 'undefined', hasProcess: 'undefined' });
      // Navigation away from the app is denied: the page stays where it is.
      const before = window.url();
      await window.evaluate(() => {
        location.href = 'http://127.0.0.1:9/';
      });
      await window.waitForTimeout(500);
      expect(window.url()).toBe(before);
    } finally {
      await app.close();
    }
  });
});
