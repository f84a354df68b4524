/**
 * The Cleanup page in Chromium through web mode: the df view, then Quick clean from preview to report. The engine
 * is shared with other specs, so the preview is narrowed to the objects this spec seeded (None, then tick ours).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildImage } from '../../support/fixtures';
import { docker, e2eEnv, fixtureEngine, loginUrl, openPage } from '../support/e2e-env';
import { SHOTS, screenshotWholeContent } from '../support/screenshot';
import { expectDangerButton } from '../support/styles';

const REPO = 'e2e-cleanup/app';
const STOPPED = 'e2e-cleanup-stopped';
const REMINDER_IMAGE = 'e2e-cleanup/reminder:1';

async function exists(kind: 'image' | 'container', ref: string): Promise<boolean> {
  return (await docker([kind, 'inspect', ref]).catch(() => ({ code: 1 }))).code === 0;
}

test.describe('Cleanup', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-cleanup-'));
  let dangling = '';

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const engine = fixtureEngine(scratch);
    // Rebuilding the tag leaves our first build dangling.
    dangling = await buildImage(engine, `${REPO}:1`, 'FROM busybox:latest\nRUN dd if=/dev/urandom of=/old bs=1024 count=300 2>/dev/null\n');
    await buildImage(engine, `${REPO}:1`, 'FROM busybox:latest\nRUN echo new > /new\n');
    await docker(['rm', '-f', STOPPED]).catch(() => undefined);
    await docker(['run', '--name', STOPPED, 'busybox:latest', 'sh', '-c', 'dd if=/dev/urandom of=/w bs=1024 count=200 2>/dev/null']);
  });

  test.afterAll(async () => {
    await docker(['rm', '-f', STOPPED]).catch(() => undefined);
    await docker(['rmi', '-f', `${REPO}:1`, REMINDER_IMAGE]).catch(() => undefined);
    if (dangling) await docker(['rmi', '-f', dangling]).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the build cache wizard asks for an age and a storage to keep (MB), and says the equivalent docker builder prune', async ({ page }) => {
    await openPage(page, 'cleanup');
    await page.getByTestId('cleanup-open-buildCache').click();
    const wizard = page.getByTestId('cleanup-wizard');
    await wizard.getByTestId('cleanup-cache-until').fill('24');
    await wizard.getByTestId('cleanup-keep-storage').fill('10000');
    await expect(wizard.getByTestId('cleanup-keep-storage-unit')).toHaveText('MB');
    await wizard.getByTestId('cleanup-make-preview').click();
    await expect(wizard.getByTestId('cleanup-command')).toContainText('docker builder prune -a -f --filter until=24h --keep-storage 10000MB');
    await page.screenshot({ path: join(SHOTS, 'cleanup-build-cache.png'), animations: 'disabled', caret: 'hide' });
  });

  test('quick clean of our objects from the df view to the report', async ({ page }) => {
    test.setTimeout(90_000);
    mkdirSync(SHOTS, { recursive: true });
    await openPage(page, 'cleanup');

    const df = page.getByTestId('cleanup-df');
    await expect(df.getByTestId('cleanup-df-chart')).toBeVisible();
    await expect(df.getByTestId('cleanup-table-images')).toContainText(dangling.replace('sha256:', '').slice(0, 12));
    await df.getByTestId('cleanup-tab-containers').click();
    await expect(df.getByTestId('cleanup-table-containers')).toContainText(STOPPED);
    await screenshotWholeContent(page, join(SHOTS, 'cleanup-df.png'));

    await page.getByTestId('cleanup-open-quick').click();
    const wizard = page.getByTestId('cleanup-wizard');
    await wizard.getByTestId('cleanup-make-preview').click();
    await expect(wizard.getByTestId('cleanup-preview')).toBeVisible();
    // Only what this spec made: untick everything, then tick our container and our dangling image.
    await wizard.getByTestId('cleanup-select-none').click();
    await expect(wizard.getByTestId('cleanup-selected-count')).toContainText('0 of');
    const ours = [wizard.locator(`[data-testid="cleanup-item"][data-name="${STOPPED}"]`), wizard.locator(`[data-testid="cleanup-item"][data-kind="image"]`, { hasText: dangling.replace('sha256:', '').slice(0, 12) })];
    for (const row of ours) await row.getByRole('checkbox').check();
    await expect(wizard.getByTestId('cleanup-selected-count')).toContainText('2 of');
    await expect(wizard.getByTestId('cleanup-estimate')).not.toHaveText('…');
    await expect(wizard.getByTestId('cleanup-command')).toContainText('docker container prune');
    await page.screenshot({ path: join(SHOTS, 'cleanup-preview.png'), animations: 'disabled', caret: 'hide' });

    await expectDangerButton(wizard.getByTestId('cleanup-start'));
    await wizard.getByTestId('cleanup-start').click();
    const report = wizard.getByTestId('cleanup-report');
    await expect(report).toBeVisible({ timeout: 30_000 });
    await expect(report.getByTestId('cleanup-removed')).toHaveText('2 removed');
    await expect(report.getByTestId('cleanup-reclaimed')).toHaveText(/^\d+(\.\d+)?(B|kB|MB)$/);
    await expect(report).toContainText("Preview's estimate");
    await page.screenshot({ path: join(SHOTS, 'cleanup-report.png'), animations: 'disabled', caret: 'hide' });

    // Exactly ours went; what other specs rely on stays.
    expect(await exists('container', STOPPED)).toBe(false);
    expect(await exists('image', dangling)).toBe(false);
    expect(await exists('image', `${REPO}:1`)).toBe(true);
    expect(await exists('image', 'busybox:latest')).toBe(true);

    await wizard.getByTestId('cleanup-close').click();
    await expect(page.getByTestId('cleanup-history-entry')).not.toHaveCount(0);
    await expect(page.getByTestId('cleanup-history-entry').first()).toContainText('Quick clean');

    // The same page in the dark theme, with the newest report opened in the history.
    await page.evaluate(() => localStorage.setItem('wharf.theme', 'dark'));
    await page.reload();
    await page.getByTestId('cleanup-history-entry').first().locator('summary').click();
    await expect(page.getByTestId('cleanup-history').getByTestId('cleanup-reclaimed')).toBeVisible();
    await screenshotWholeContent(page, join(SHOTS, 'cleanup-dark-history.png'));
    await page.evaluate(() => localStorage.removeItem('wharf.theme'));
  });

  test('the reminder badge appears when Docker events push reclaimable space past the threshold, and opens Quick clean', async ({ page, request }) => {
    test.setTimeout(90_000);
    const { url, token } = e2eEnv();
    const reclaimable = async (): Promise<number> => {
      const answer = await request.post(`${url}api/system.df`, { headers: { Authorization: `Bearer ${token}` }, data: {} });
      const body = (await answer.json()) as { ok: boolean; value: { rows: { reclaimable: number }[] } };
      expect(body.ok).toBe(true);
      return body.value.rows.reduce((n, r) => n + r.reclaimable, 0);
    };
    await page.goto(await loginUrl());
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected');
    await page.getByTestId('nav-cleanup').click();
    // A threshold 2 MB above what is reclaimable now: no badge yet.
    const gb = (await reclaimable()) / 1e9 + 0.002;
    await page.getByTestId('cleanup-reminder-threshold').fill(gb.toFixed(6));
    // The shell's first measurement (debounced) is its system.df call, the only one on this page: the absence
    // below is checked once it has answered and rendered.
    const measured = page.waitForResponse((r) => r.url().endsWith('/api/system.df'), { timeout: 20_000 });
    await page.getByTestId('cleanup-reminder-on').check();
    const badge = page.getByTestId('cleanup-reminder-badge');
    await measured;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await expect(badge).toHaveCount(0);
    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('page-dashboard')).toBeVisible();
    await expect(badge).toHaveCount(0);
    // An unused image with 3 MB of its own, built with the CLI: the engine's events make the shell measure again.
    await buildImage(fixtureEngine(scratch), REMINDER_IMAGE, 'FROM busybox:latest\nRUN dd if=/dev/urandom of=/blob bs=1024 count=3000 2>/dev/null\n');
    await expect(badge).toBeVisible({ timeout: 20_000 });
    await badge.click();
    await expect(page.getByTestId('page-cleanup')).toBeVisible();
    await expect(page.getByTestId('cleanup-wizard')).toContainText('Quick clean');
    await page.getByTestId('cleanup-wizard').getByTestId('dialog-close').click();
    await page.getByTestId('cleanup-reminder-on').uncheck();
    await expect(badge).toHaveCount(0);
  });

  test.describe('in zh-CN', () => {
    test.use({ locale: 'zh-CN' });

    test('the df tables and the wizard speak Chinese: container status, never-polls, hours with their unit', async ({ page }) => {
      const exited = 'e2e-cleanup-zh-exited';
      await docker(['rm', '-f', exited]).catch(() => undefined);
      await docker(['run', '--name', exited, 'busybox:latest', 'true']);
      await openPage(page, 'cleanup');
      const df = page.getByTestId('cleanup-df');
      await expect(df.locator('.card__footer')).toContainText('不会定时轮询');
      await df.getByTestId('cleanup-tab-containers').click();
      const stopped = df.getByTestId('cleanup-table-containers').locator('tr', { hasText: exited });
      // `docker ps -a` says "Exited (0) N minutes ago"; the table says the same in Chinese.
      await expect(stopped).toContainText(/(\d+ 分钟|\d+ 秒|不到 1 秒|大约 1 分钟)前退出，退出码 0/);
      await expect(stopped).not.toContainText('Exited');
      await page.getByTestId('cleanup-open-quick').click();
      const wizard = page.getByTestId('cleanup-wizard');
      await expect(wizard.getByTestId('cleanup-exited-hours-unit')).toHaveText('小时');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: join(SHOTS, 'zh-CN-cleanup-wizard-options.png'), animations: 'disabled', caret: 'hide' });
      await docker(['rm', '-f', exited]);
    });
  });
});
