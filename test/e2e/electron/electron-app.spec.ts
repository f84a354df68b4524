import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { e2eEnv } from '../support/e2e-env';

const ROOT = join(__dirname, '../../..');
const MAIN = join(ROOT, 'out/main/index.js');

/** Where the electron package keeps its binary once downloaded (path.txt names it). */
function electronBinary(): string | undefined {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const isRoot = process.getuid?.() === 0;
// As root Chromium needs --no-sandbox, and Wharf then needs the explicit --allow-root.
const rootArgs = isRoot ? ['--no-sandbox', '--allow-root'] : [];

test.describe('the desktop app (Electron)', () => {
  test.skip(binary === undefined, 'Electron binary not installed (node_modules/electron/dist is missing: its download is not possible on this machine). Run `npx electron --version` where the network allows to fetch it.');

  test('opens the window from wharf://app with the locked-down bridge and shows the Dashboard of the engine', async () => {
    const app = await electron.launch({
      executablePath: binary,
      args: [MAIN, ...rootArgs, '--docker-host', e2eEnv().dockerHost],
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected');
      expect(window.url()).toMatch(/^wharf:\/\/app\/index\.html/);
      const exposed = await window.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        const bridge = w.wharf as Record<string, unknown>;
        return { keys: Object.keys(bridge).sort(), hasRequire: typeof w.require, hasProcess: typeof w.process };
      });
      expect(exposed).toEqual({ keys: ['api', 'onEvent', 'streams'], hasRequire: 'undefined', hasProcess: 'undefined' });
      // The page cannot read files outside the renderer through its own scheme.
      const leaked = await window.evaluate(async () => {
        const answers: number[] = [];
        for (const url of ['wharf://app/..%2f..%2fmain%2findex.js', 'wharf://app/%2fetc%2fpasswd']) {
          answers.push(await fetch(url).then((r) => r.status, () => 0));
        }
        return answers;
      });
      expect(leaked.every((status) => status === 404 || status === 0)).toBe(true);
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

  test('as root, refuses to start without --allow-root and says why', () => {
    test.skip(!isRoot, 'only meaningful when the tests run as root');
    const run = spawnSync(binary ?? '', [MAIN, '--no-sandbox'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('--allow-root');
  });
});
