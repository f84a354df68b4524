/**
 * Removing images from the Images page: the filter's "Remove the N listed…" preview says what goes (untag vs
 * delete) and what a container blocks, the run reports each item, the list follows, and force is a second step.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildImage } from '../../support/fixtures';
import { docker, fixtureEngine, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';
import { expectDangerButton } from '../support/styles';

const REPO = 'e2e-remove';
const HOLDER = 'e2e-remove-holder';

async function cliRefs(): Promise<string[]> {
  const { stdout } = await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', '-f', `reference=${REPO}/*`]);
  return stdout.split('\n').filter(Boolean).sort();
}

async function openFiltered(page: Page): Promise<void> {
  await openPage(page, 'images');
  await page.getByTestId('images-filters-toggle').click();
  await page.getByTestId('images-filter-reference').fill(`${REPO}/*`);
  await page.getByTestId('images-apply-filters').click();
  await expect(page.getByTestId('images-count')).toHaveText(String((await cliRefs()).length));
}

test.describe.configure({ mode: 'serial' });

test.describe('Removing images', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-remove-'));

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const engine = fixtureEngine(scratch);
    await buildImage(engine, `${REPO}/app:1`, 'FROM busybox:latest\nRUN dd if=/dev/urandom of=/app bs=1024 count=256 2>/dev/null\n');
    await docker(['tag', `${REPO}/app:1`, `${REPO}/app:2`]);
    await buildImage(engine, `${REPO}/used:1`, 'FROM busybox:latest\nRUN dd if=/dev/urandom of=/used bs=1024 count=128 2>/dev/null\n');
    await docker(['create', '--name', HOLDER, `${REPO}/used:1`, 'true']);
  });

  test.afterAll(async () => {
    await docker(['rm', '-f', HOLDER]).catch(() => undefined);
    for (const ref of await cliRefs()) await docker(['rmi', '-f', ref]).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the filter preview lists what goes, the run reports each item, and force is a second step', async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await openFiltered(page);
    await page.getByTestId('images-remove-filtered').click();
    const dialog = page.getByTestId('remove-dialog');
    await expect(dialog.getByTestId('remove-item')).toHaveCount(3);
    await expect(dialog.locator('[data-testid="remove-item"][data-ref="e2e-remove/app:1"]')).toHaveAttribute('data-mode', 'untag');
    await expect(dialog.locator('[data-testid="remove-item"][data-ref="e2e-remove/app:2"]')).toHaveAttribute('data-mode', 'delete');
    await expect(dialog.locator('[data-testid="remove-item"][data-ref="e2e-remove/used:1"]')).toHaveAttribute('data-blocked', 'true');
    await expect(dialog.getByTestId('remove-blocked')).toBeVisible();
    await expect(dialog.getByTestId('remove-item').filter({ hasText: HOLDER })).toHaveCount(1);
    // The same removal with the CLI, in the list's order (newest first, like docker image ls).
    const command = (await dialog.getByTestId('remove-command').innerText()).replace(/^\$\s*/, '').trim();
    expect(command.split(' ').slice(0, 3)).toEqual(['docker', 'image', 'rm']);
    expect(command.split(' ').slice(3).sort()).toEqual([`${REPO}/app:1`, `${REPO}/app:2`, `${REPO}/used:1`]);
    await page.screenshot({ path: join(SHOTS, 'images-remove-preview.png'), animations: 'disabled', caret: 'hide' });

    await expectDangerButton(dialog.getByTestId('remove-confirm'));
    await dialog.getByTestId('remove-confirm').click();
    const report = dialog.getByTestId('remove-report');
    await expect(report).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
    await expect(report).toContainText('1 image deleted');
    await expect(report).toContainText('1 untagged');
    await expect(report).toContainText('1 failed');
    await expect(report.getByTestId('task-items')).toContainText(`${REPO}/used:1`);
    await page.screenshot({ path: join(SHOTS, 'images-remove-report.png'), animations: 'disabled', caret: 'hide' });
    await dialog.getByTestId('remove-close').click();

    // The list follows the engine's events: only the refused image is left, as the CLI says.
    expect(await cliRefs()).toEqual([`${REPO}/used:1`]);
    await expect(page.getByTestId('images-count')).toHaveText('1');

    // Force is its own step, with its own warning, and only then removes the image a stopped container uses.
    await page.getByTestId('image-select').first().check();
    await page.getByTestId('images-remove-selected').click();
    await expect(dialog.getByTestId('remove-item')).toHaveCount(1);
    await dialog.getByTestId('remove-force').click();
    await expect(dialog.getByTestId('remove-force-warning')).toBeVisible();
    await expect(dialog.getByTestId('remove-command')).toContainText(`docker image rm -f ${REPO}/used:1`);
    await dialog.getByTestId('remove-confirm').click();
    await expect(dialog.getByTestId('remove-report')).toHaveAttribute('data-state', 'succeeded', { timeout: 20_000 });
    await expect(dialog.getByTestId('remove-report')).toContainText('1 image deleted');
    expect(await cliRefs()).toEqual([]);
  });
});
