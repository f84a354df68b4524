import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildImage } from '../../support/fixtures';
import { startPrivateRegistry, type PrivateRegistry } from '../../support/registry-harness';
import { startThrottleProxy, type ThrottleProxy } from '../../support/throttle-proxy';
import { docker, fixtureEngine, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

const REPO = 'e2e-pull';

async function openImages(page: Page): Promise<void> {
  await openPage(page, 'images');
}

async function imageId(ref: string): Promise<string | undefined> {
  try {
    return (await docker(['image', 'inspect', '--format', '{{.Id}}', ref])).stdout.trim();
  } catch {
    return undefined;
  }
}

async function openRowAction(page: Page, repository: string, tag: string, action: 'tag' | 'push'): Promise<void> {
  await page.getByTestId('images-search').fill(repository);
  const row = page.locator(`[data-testid="image-row"][data-repository="${repository}"][data-tag="${tag}"]`);
  await expect(row).toBeVisible();
  // The list may refresh on engine events (a new tag) while the menu is open: it stays open (images.spec.ts).
  await row.getByTestId('image-actions').click();
  await page.getByTestId(`image-action-${action}`).click();
}

test.describe.configure({ mode: 'serial' });

test.describe('Pull, tag and push', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-pull-'));
  let registry: PrivateRegistry;
  let proxy: ThrottleProxy;
  /** The image in the registry, reached through the slow proxy: `127.0.0.1:P/e2e-pull/app`. */
  let slowRepo = '';

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    mkdirSync(SHOTS, { recursive: true });
    registry = await startPrivateRegistry();
    // Three layers: busybox's (already on the engine), and two of random data that take a while through the proxy.
    await buildImage(
      fixtureEngine(scratch),
      `${REPO}/src:1`,
      'FROM busybox:latest\nRUN dd if=/dev/urandom of=/a.bin bs=1M count=9\nRUN dd if=/dev/urandom of=/b.bin bs=1M count=6\n',
    );
    await docker(['tag', `${REPO}/src:1`, `${registry.address}/${REPO}/app:latest`]);
    await docker(['push', `${registry.address}/${REPO}/app:latest`]);
    await docker(['rmi', `${registry.address}/${REPO}/app:latest`, `${REPO}/src:1`]);
    proxy = await startThrottleProxy({ host: '127.0.0.1', port: registry.port }, 1_500_000);
    slowRepo = `${proxy.address}/${REPO}/app`;
  });

  test.afterAll(async () => {
    for (const ref of [`${slowRepo}:latest`, `${registry?.address}/${REPO}/pushed:1`]) await docker(['rmi', ref]).catch(() => undefined);
    await proxy?.close();
    await registry?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the pull dialog checks the reference as the CLI does and shows the command', async ({ page }) => {
    await openImages(page);
    await page.getByTestId('images-pull').click();
    const dialog = page.getByTestId('pull-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('pull-start')).toBeDisabled();
    await page.getByTestId('pull-reference').fill('Team/App');
    await expect(page.getByTestId('pull-reference-problem')).toContainText('lowercase');
    await expect(page.getByTestId('pull-start')).toBeDisabled();
    await page.getByTestId('pull-reference').fill('busybox:-1');
    await expect(page.getByTestId('pull-reference-problem')).toContainText('tag');
    await page.getByTestId('pull-reference').fill(slowRepo);
    await expect(page.getByTestId('pull-reference-problem')).toHaveCount(0);
    await expect(page.getByTestId('pull-reference-facts')).toContainText(`${slowRepo}:latest`);
    await expect(dialog).toContainText(':latest only');
    await expect(page.getByTestId('pull-command')).toContainText(`docker pull ${slowRepo}`);
    await expect(page.getByTestId('pull-start')).toBeEnabled();
    await page.screenshot({ path: join(SHOTS, 'images-pull-dialog.png'), animations: 'disabled', caret: 'hide' });
  });

  test('a pull shows its layers moving, then the image is listed as by docker image ls', async ({ page }) => {
    test.setTimeout(120_000);
    await openImages(page);
    await page.getByTestId('images-pull').click();
    await page.getByTestId('pull-reference').fill(slowRepo);
    await page.getByTestId('pull-start').click();
    const run = page.getByTestId('transfer-run');
    await expect(run).toHaveAttribute('data-state', 'running');
    // Per-layer rows while it runs: one downloading, busybox's layer already there.
    await expect(run.locator('[data-testid="task-layer"][data-phase="downloading"]').first()).toBeVisible({ timeout: 20_000 });
    await expect(run.locator('[data-testid="task-layer"][data-phase="exists"]')).toHaveCount(1);
    await expect(run.getByTestId('task-layer')).toHaveCount(3);
    // The overall bar is under way, not done, while layers still download.
    const percent = async (): Promise<number> => Number(await run.getByRole('progressbar').first().getAttribute('aria-valuenow'));
    await expect.poll(percent, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await percent()).toBeLessThan(100);
    await expect(run).toHaveAttribute('data-state', 'running');
    await page.screenshot({ path: join(SHOTS, 'images-pull.png'), animations: 'disabled', caret: 'hide' });

    await expect(run).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
    const id = await imageId(`${slowRepo}:latest`);
    expect(id).toBeDefined();
    await expect(page.getByTestId('transfer-outcome')).toContainText(id!.replace('sha256:', '').slice(0, 12));
    await page.getByTestId('pull-close').click();
    // The task panel keeps the layers of the finished pull.
    await page.getByTestId('task-panel-button').click();
    const panel = page.getByTestId('task-panel');
    await expect(panel.getByTestId('task-layer')).toHaveCount(3);
    await expect(panel.locator('[data-testid="task-layer"][data-phase="done"]')).toHaveCount(2);
    await page.screenshot({ path: join(SHOTS, 'images-pull-task-panel.png'), animations: 'disabled', caret: 'hide' });
    await page.getByTestId('task-panel-button').click();
    await page.getByTestId('images-search').fill(`${REPO}/app`);
    await expect(page.locator(`[data-testid="image-row"][data-repository="${slowRepo}"][data-tag="latest"]`)).toBeVisible();
  });

  test.describe('in zh-CN, dark', () => {
    test.use({ locale: 'zh-CN', colorScheme: 'dark' });
    test('cancel in the dialog stops the pull and keeps nothing', async ({ page }) => {
      test.setTimeout(90_000);
      await docker(['rmi', `${slowRepo}:latest`]);
      await openImages(page);
      await page.getByTestId('images-pull').click();
      await page.getByTestId('pull-reference').fill(slowRepo);
      await page.getByTestId('pull-start').click();
      const run = page.getByTestId('transfer-run');
      await expect(run.locator('[data-testid="task-layer"][data-phase="downloading"]').first()).toBeVisible({ timeout: 20_000 });
      await expect(run.locator('[data-testid="task-layer"][data-phase="exists"]')).toContainText('已存在');
      await page.screenshot({ path: join(SHOTS, 'images-pull-zh-CN-dark.png'), animations: 'disabled', caret: 'hide' });
      await page.getByTestId('task-progress-cancel').click();
      await expect(run).toHaveAttribute('data-state', 'cancelled');
      await expect(run).toContainText('拉取已取消');
      // The engine dropped its registry connection, so the download really stopped.
      await expect.poll(() => proxy.openConnections, { timeout: 10_000 }).toBe(0);
      expect(await imageId(`${slowRepo}:latest`)).toBeUndefined();
    });
  });

  test('tag then push to the private registry; the registry lists the new tag', async ({ page }) => {
    test.setTimeout(90_000);
    const target = `${registry.address}/${REPO}/pushed:1`;
    await docker(['tag', 'busybox:latest', `${REPO}/local:1`]);
    await openImages(page);
    await openRowAction(page, `${REPO}/local`, '1', 'tag');
    await expect(page.getByTestId('tag-dialog')).toBeVisible();
    await page.getByTestId('tag-target').fill(target);
    await expect(page.getByTestId('tag-command')).toContainText(`docker tag ${REPO}/local:1 ${target}`);
    await page.getByTestId('tag-start').click();
    await expect(page.getByTestId('tag-done')).toContainText(target);
    expect(await imageId(target)).toBe(await imageId('busybox:latest'));
    await page.getByTestId('tag-close').click();

    await openRowAction(page, `${registry.address}/${REPO}/pushed`, '1', 'push');
    await expect(page.getByTestId('push-target')).toContainText(registry.address);
    await expect(page.getByTestId('push-docker-hub')).toHaveCount(0);
    await page.getByTestId('push-start').click();
    await expect(page.getByTestId('transfer-run')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });
    await expect(page.getByTestId('transfer-outcome')).toContainText('sha256:');
    const tags = (await (await fetch(`${registry.url}/v2/${REPO}/pushed/tags/list`)).json()) as { tags: string[] };
    expect(tags.tags).toEqual(['1']);
    await docker(['rmi', `${REPO}/local:1`]);
  });

  test('a push the registry refuses for want of credentials says how to log in', async ({ page }) => {
    // The harness's real registry with htpasswd auth: it refuses anonymous pushes as Docker Hub does.
    const auth = await startPrivateRegistry({ users: { 'wharf-pusher': 'not-used-here' } });
    const ref = `${auth.address}/${REPO}/private:1`;
    try {
      await docker(['tag', 'busybox:latest', ref]);
      await openImages(page);
      await openRowAction(page, `${auth.address}/${REPO}/private`, '1', 'push');
      await page.getByTestId('push-start').click();
      const run = page.getByTestId('transfer-run');
      await expect(run).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
      await expect(run.getByTestId('task-auth-hint')).toContainText(`docker login ${auth.address}`);
      await expect(run).toContainText('no basic auth credentials');
      await page.screenshot({ path: join(SHOTS, 'images-push-auth.png'), animations: 'disabled', caret: 'hide' });
    } finally {
      await docker(['rmi', ref]).catch(() => undefined);
      await auth.destroy();
    }
  });

  test('pushing a Docker Hub name warns before anything starts', async ({ page }) => {
    await openImages(page);
    await openRowAction(page, 'busybox', 'latest', 'push');
    await expect(page.getByTestId('push-docker-hub')).toBeVisible();
    await expect(page.getByTestId('push-command')).toContainText('docker push busybox:latest');
    await page.screenshot({ path: join(SHOTS, 'images-push-docker-hub.png'), animations: 'disabled', caret: 'hide' });
  });
});
