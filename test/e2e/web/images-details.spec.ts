import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runDockerCliOk, type CliOptions } from '../../support/docker-cli';
import { buildImage, type FixtureEngine } from '../../support/fixtures';
import { docker, e2eEnv, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

const REPO = 'e2e-details';
const CONTAINER = 'e2e-details-app';

function fixtureEngine(dir: string): FixtureEngine {
  const env = e2eEnv();
  return { dir, cliOk: (args: string[], opts?: CliOptions) => runDockerCliOk({ host: env.dockerHost, configDir: env.cliConfigDir }, args, opts) };
}

/** RootFS.Layers of an image, as the engine reports them. */
async function layersOf(ref: string): Promise<string[]> {
  const { stdout } = await docker(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', ref]);
  return JSON.parse(stdout) as string[];
}

async function openDetails(page: Page, repository: string): Promise<void> {
  await openPage(page, 'images');
  await page.getByTestId('images-search').fill(repository);
  const row = page.locator(`[data-testid="image-row"][data-repository="${repository}"]`);
  await row.getByTestId('image-open').click();
  await expect(page.getByTestId('image-details')).toBeVisible();
  await expect(page.getByTestId('image-details-tab-overview')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.describe('Image details', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-details-'));
  const ids: Record<'base' | 'app' | 'worker' | 'odd', string> = { base: '', app: '', worker: '', odd: '' };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const engine = fixtureEngine(scratch);
    ids.base = await buildImage(engine, `${REPO}/base:1`, 'FROM busybox:latest\nENV APP_HOME=/srv\nRUN mkdir -p /srv && echo base > /srv/base.txt\nRUN dd if=/dev/zero of=/srv/runtime.bin bs=1k count=300\n');
    ids.app = await buildImage(
      engine,
      `${REPO}/app:1`,
      'FROM e2e-details/base:1\nLABEL org.opencontainers.image.title=app team=web\nRUN echo app > /srv/app.txt\nEXPOSE 8080/tcp\nWORKDIR /srv\nCMD ["sh", "-c", "cat /srv/app.txt"]\n',
    );
    ids.worker = await buildImage(engine, `${REPO}/worker:1`, 'FROM e2e-details/base:1\nRUN echo worker > /srv/worker.txt\nCMD ["sleep", "600"]\n');
    // A new empty directory makes a layer of 0 bytes: history can no longer be matched to the layers.
    ids.odd = await buildImage(engine, `${REPO}/odd:1`, 'FROM e2e-details/base:1\nRUN mkdir /srv/empty\n');
    await docker(['create', '--name', CONTAINER, `${REPO}/app:1`]);
  });

  test.afterAll(async () => {
    await docker(['rm', '-f', CONTAINER]).catch(() => undefined);
    for (const ref of [`${REPO}/app:1`, `${REPO}/worker:1`, `${REPO}/odd:1`, `${REPO}/base:1`]) await docker(['rmi', ref]).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  test('shows the layers shared with the base and its sibling, the inspect JSON, and moves to a sharing image', async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 980 });
    await openDetails(page, `${REPO}/app`);
    const dialog = page.getByTestId('image-details');
    await expect(dialog.getByTestId('image-details-body')).toHaveAttribute('data-image-id', ids.app);

    // Overview: tags, ID, and the container made from it.
    await expect(dialog.getByTestId('image-details-tags')).toContainText(`${REPO}/app:1`);
    await expect(dialog.getByTestId('image-details-id')).toContainText(ids.app);
    await expect(dialog.getByTestId('image-details-containers')).toContainText(CONTAINER);
    await page.screenshot({ path: join(SHOTS, 'image-details-overview.png'), animations: 'disabled', caret: 'hide' });

    // Layers: every layer of the base is shared (with the base, the worker, …); the app's own top layer is not.
    const baseLayers = await layersOf(`${REPO}/base:1`);
    const appLayers = await layersOf(`${REPO}/app:1`);
    expect(appLayers.slice(0, baseLayers.length)).toEqual(baseLayers);
    await dialog.getByTestId('image-details-tab-layers').click();
    const layers = dialog.getByTestId('image-layer');
    await expect(layers).toHaveCount(appLayers.length);
    for (let k = 0; k < baseLayers.length; k++) {
      const layer = dialog.locator(`[data-testid="image-layer"][data-index="${k}"]`);
      await expect(layer).toHaveClass(/images-layer--shared/);
      await expect(layer.getByTestId('image-layer-shared-image').filter({ hasText: `${REPO}/base:1` })).toBeVisible();
      await expect(layer.getByTestId('image-layer-shared-image').filter({ hasText: `${REPO}/worker:1` })).toBeVisible();
    }
    const top = dialog.locator(`[data-testid="image-layer"][data-index="${appLayers.length - 1}"]`);
    await expect(top).toHaveAttribute('data-shared', '0');
    await expect(top).toContainText('echo app');
    // ENV, LABEL, EXPOSE, WORKDIR and CMD made no layer: they are thin metadata rows.
    await expect(dialog.getByTestId('image-layer-meta').filter({ hasText: 'EXPOSE' })).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'image-details-layers.png'), animations: 'disabled', caret: 'hide' });

    // History: as many rows as `docker history`.
    const { stdout } = await docker(['history', '-q', `${REPO}/app:1`]);
    await dialog.getByTestId('image-details-tab-history').click();
    await expect(dialog.getByTestId('image-history-row')).toHaveCount(stdout.trim().split('\n').length);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'image-details-history.png'), animations: 'disabled', caret: 'hide' });

    // Inspect: the verbatim JSON carries the ID.
    await dialog.getByTestId('image-details-tab-inspect').click();
    await expect(dialog.getByTestId('image-inspect')).toContainText(`"Id": "${ids.app}"`);
    await expect(dialog.getByTestId('image-inspect-copy')).toBeVisible();
    await page.screenshot({ path: join(SHOTS, 'image-details-inspect.png'), animations: 'disabled', caret: 'hide' });

    // A sharing image opens its own details.
    await dialog.getByTestId('image-details-tab-layers').click();
    await dialog.locator('[data-testid="image-layer"][data-index="0"]').getByTestId('image-layer-shared-image').filter({ hasText: `${REPO}/base:1` }).click();
    await expect(page.getByTestId('image-details-body')).toHaveAttribute('data-image-id', ids.base);
    await expect(page.locator('#dialog-title')).toHaveText(`${REPO}/base:1`);
  });

  test('when the steps cannot be matched to the layers, the layers still show with their sharing and a note', async ({ page }) => {
    await openDetails(page, `${REPO}/odd`);
    await page.getByTestId('image-details-tab-layers').click();
    await expect(page.getByTestId('image-layers-unmatched')).toBeVisible();
    const layers = await layersOf(`${REPO}/odd:1`);
    await expect(page.getByTestId('image-layer')).toHaveCount(layers.length);
    await expect(page.locator(`[data-testid="image-layer"][data-index="${layers.length - 1}"]`)).toHaveAttribute('data-shared', '0');
    await expect(page.locator('[data-testid="image-layer"][data-index="0"]')).toHaveClass(/images-layer--shared/);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'image-details-layers-unmatched.png'), animations: 'disabled', caret: 'hide' });
  });

  test.describe('in zh-CN, dark', () => {
    test.use({ locale: 'zh-CN', colorScheme: 'dark' });
    test('the layers tab reads in Chinese', async ({ page }) => {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 1280, height: 980 });
      await openDetails(page, `${REPO}/worker`);
      await page.getByTestId('image-details-tab-layers').click();
      await expect(page.getByTestId('image-layers-summary')).toContainText('层');
      await page.screenshot({ path: join(SHOTS, 'zh-CN-dark-image-details-layers.png'), animations: 'disabled', caret: 'hide' });
    });
  });
});
