/**
 * The Volumes and Networks pages in Chromium through web mode, against the shared e2e engine: create and remove a
 * volume and a network from the pages, in-use refusals, the CLI on the same engine as the judge. Every object here
 * is named e2e-vn-… and only those are removed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runDockerCli } from '../../support/docker-cli';
import { docker, e2eEnv, openPage } from '../support/e2e-env';
import { SHOTS, screenshotWholeContent } from '../support/screenshot';
import { expectDangerButton } from '../support/styles';

const BOX = 'e2e-vn-box';
const KEPT = 'e2e-vn-kept';
const BACKEND = 'e2e-vn-backend';
const MADE_VOLUME = 'e2e-vn-made';
const MADE_NETWORK = 'e2e-vn-made-net';

async function quietly(args: string[]): Promise<void> {
  const env = e2eEnv();
  await runDockerCli({ host: env.dockerHost, configDir: env.cliConfigDir }, args);
}

async function lines(args: string[]): Promise<string[]> {
  return (await docker(args)).stdout.split('\n').filter(Boolean);
}

async function open(page: Page, name: 'volumes' | 'networks'): Promise<void> {
  await openPage(page, name);
  await expect(page.getByTestId(`${name}-table`)).toBeVisible();
}

async function cleanUp(): Promise<void> {
  await quietly(['rm', '-f', BOX]);
  await quietly(['volume', 'rm', KEPT, MADE_VOLUME]);
  await quietly(['network', 'rm', BACKEND, MADE_NETWORK]);
}

test.describe.configure({ mode: 'serial' });

test.describe('Volumes and Networks pages', () => {
  test.beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await cleanUp();
    await docker(['volume', 'create', '--label', 'purpose=e2e', KEPT]);
    await docker(['network', 'create', BACKEND]);
    await docker(['run', '-d', '--init', '--stop-timeout', '2', '--name', BOX, '--network', BACKEND, '-v', `${KEPT}:/data`, 'busybox', 'sleep', '600']);
  });

  test.afterAll(cleanUp);

  test('creates and removes a volume; a volume in use is kept', async ({ page }) => {
    await open(page, 'volumes');
    const kept = page.locator(`[data-testid="volume-row"][data-name="${KEPT}"]`);
    await expect(kept).toContainText(BOX);
    await expect(kept).toContainText('purpose=e2e');

    await page.getByTestId('volumes-create').click();
    await page.getByTestId('volume-create-name').fill(MADE_VOLUME);
    await page.getByTestId('volume-create-labels').fill('owner=e2e');
    await expect(page.getByTestId('volume-create-command')).toContainText(`docker volume create --label owner=e2e ${MADE_VOLUME}`);
    await page.getByTestId('volume-create-submit').click();
    await expect(page.getByTestId('volume-create-dialog')).toBeHidden();
    const made = page.locator(`[data-testid="volume-row"][data-name="${MADE_VOLUME}"]`);
    await expect(made).toBeVisible();
    await expect(made).toContainText('owner=e2e');
    expect(await lines(['volume', 'ls', '-q'])).toContain(MADE_VOLUME);

    await page.getByTestId('volumes-measure').click();
    await expect(page.getByTestId('volumes-command')).toContainText('docker system df -v');
    await screenshotWholeContent(page, join(SHOTS, 'volumes.png'));

    // Prune: a named volume is listed apart and never checked by default (the engine is shared: look, never confirm).
    await page.getByTestId('volumes-prune').click();
    const prune = page.getByTestId('volume-prune-dialog');
    const madeChoice = prune.locator(`[data-testid="prune-volume"][data-name="${MADE_VOLUME}"]`);
    await expect(prune.getByTestId('prune-named').locator(`[data-name="${MADE_VOLUME}"]`)).toBeVisible();
    await expect(madeChoice).not.toBeChecked();
    await expect(prune.locator(`[data-testid="prune-volume"][data-name="${KEPT}"]`)).toHaveCount(0);
    await page.screenshot({ path: join(SHOTS, 'volumes-prune.png'), animations: 'disabled', caret: 'hide' });
    await page.getByTestId('dialog-close').click();

    // In use: the dialog names the container and offers nothing to remove.
    await kept.getByTestId('volume-remove').click();
    await expect(page.getByTestId('volume-remove-dialog')).toContainText(BOX);
    await expect(page.getByTestId('volume-remove-confirm')).toBeDisabled();
    await page.getByTestId('dialog-close').click();

    await made.getByTestId('volume-remove').click();
    await expect(page.getByTestId('volume-remove-warning')).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'volumes-remove.png'), animations: 'disabled', caret: 'hide' });
    await expectDangerButton(page.getByTestId('volume-remove-confirm'));
    await page.getByTestId('volume-remove-confirm').click();
    await expect(page.getByTestId('removal-outcome')).toHaveAttribute('data-state', 'removed');
    await page.getByTestId('volume-remove-close').click();
    await expect(made).toHaveCount(0);
    expect(await lines(['volume', 'ls', '-q'])).not.toContain(MADE_VOLUME);
    expect(await lines(['volume', 'ls', '-q'])).toContain(KEPT);
  });

  test('a volume name that exists is refused at the name field, and Create stays disabled', async ({ page }) => {
    await open(page, 'volumes');
    await expect(page.locator(`[data-testid="volume-row"][data-name="${KEPT}"]`)).toBeVisible();
    await page.getByTestId('volumes-create').click();
    await page.getByTestId('volume-create-name').fill(KEPT);
    await expect(page.getByTestId('volume-create-name-taken')).toHaveText(`A volume named ${KEPT} already exists. Choose another name, or use that volume.`);
    await expect(page.getByTestId('volume-create-submit')).toBeDisabled();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'volumes-create-name-taken.png'), animations: 'disabled', caret: 'hide' });
    await page.getByTestId('volume-create-name').fill(`${KEPT}-2`);
    await expect(page.getByTestId('volume-create-name-taken')).toHaveCount(0);
    await expect(page.getByTestId('volume-create-submit')).toBeEnabled();
    await page.getByTestId('dialog-close').click();
  });

  test('creates and removes a network; built-in networks cannot be removed', async ({ page }) => {
    await open(page, 'networks');
    const backend = page.locator(`[data-testid="network-row"][data-name="${BACKEND}"]`);
    await expect(backend).toContainText(BOX);
    await expect(page.locator('[data-testid="network-row"][data-name="bridge"]').getByTestId('network-remove')).toHaveCount(0);

    await page.getByTestId('networks-create').click();
    await page.getByTestId('network-create-name').fill(MADE_NETWORK);
    await page.getByTestId('network-create-gateway').fill('10.1.2.3');
    await expect(page.getByTestId('network-create-gateway-problem')).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'networks-create.png'), animations: 'disabled', caret: 'hide' });
    await page.getByTestId('network-create-gateway').fill('');
    await page.getByTestId('network-create-internal').check();
    await expect(page.getByTestId('network-create-command')).toContainText(`docker network create --internal ${MADE_NETWORK}`);
    await page.getByTestId('network-create-submit').click();
    await expect(page.getByTestId('network-create-dialog')).toBeHidden();
    const made = page.locator(`[data-testid="network-row"][data-name="${MADE_NETWORK}"]`);
    await expect(made).toBeVisible();
    const inspected = JSON.parse((await docker(['network', 'inspect', MADE_NETWORK])).stdout) as Array<{ Internal: boolean; IPAM: { Config: Array<{ Subnet: string }> } }>;
    expect(inspected[0]?.Internal).toBe(true);
    await expect(made).toContainText(inspected[0]?.IPAM.Config[0]?.Subnet ?? 'no subnet');
    await screenshotWholeContent(page, join(SHOTS, 'networks.png'));

    // Connect and disconnect a container from the page; `docker network inspect` agrees.
    await made.getByTestId('network-containers').click();
    const attach = page.getByTestId('network-attach-dialog');
    await attach.getByTestId('network-connect-choice').selectOption({ label: `${BOX} (running)` });
    await attach.getByTestId('network-connect').click();
    await expect(attach.locator(`[data-testid="attached-container"][data-name="${BOX}"]`)).toBeVisible();
    expect((await docker(['network', 'inspect', '--format', '{{range .Containers}}{{.Name}} {{end}}', MADE_NETWORK])).stdout.trim()).toBe(BOX);
    await page.screenshot({ path: join(SHOTS, 'networks-attach.png'), animations: 'disabled', caret: 'hide' });
    await attach.getByTestId('network-disconnect').click();
    await expect(attach.getByTestId('attached-container')).toHaveCount(0);
    expect((await docker(['network', 'inspect', '--format', '{{range .Containers}}{{.Name}} {{end}}', MADE_NETWORK])).stdout.trim()).toBe('');
    await page.getByTestId('dialog-close').click();

    await backend.getByTestId('network-remove').click();
    await expect(page.getByTestId('network-remove-dialog')).toContainText(BOX);
    await expect(page.getByTestId('network-remove-confirm')).toBeDisabled();
    await page.getByTestId('dialog-close').click();

    await made.getByTestId('network-remove').click();
    await expectDangerButton(page.getByTestId('network-remove-confirm'));
    await page.getByTestId('network-remove-confirm').click();
    await expect(page.getByTestId('removal-outcome')).toHaveAttribute('data-state', 'removed');
    await page.getByTestId('network-remove-close').click();
    await expect(made).toHaveCount(0);
    const names = await lines(['network', 'ls', '--format', '{{.Name}}']);
    expect(names).not.toContain(MADE_NETWORK);
    expect(names).toContain(BACKEND);
  });
});
