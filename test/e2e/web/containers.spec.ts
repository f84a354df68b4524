import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { docker, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

/** Every container this spec creates starts with this; only those are removed. */
const PREFIX = 'e2e-ctr-';
const IDLE = `${PREFIX}idle`;
const WEB = `${PREFIX}web`;

async function openContainers(page: Page): Promise<void> {
  await openPage(page, 'containers');
  await expect(page.getByTestId('containers-table')).toBeVisible();
}

function row(page: Page, name: string): Locator {
  return page.locator(`[data-testid="container-row"][data-name="${name}"]`);
}

async function cliState(name: string): Promise<string> {
  return (await docker(['inspect', '--format', '{{.State.Status}}', name])).stdout.trim();
}

async function removeMine(): Promise<void> {
  const { stdout } = await docker(['ps', '-a', '--format', '{{.Names}}', '--filter', `name=^${PREFIX}`]);
  const names = stdout.split('\n').filter((n) => n.startsWith(PREFIX));
  if (names.length > 0) await docker(['rm', '-f', ...names]);
}

test.describe.configure({ mode: 'serial' });

test.describe('Containers page', () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    mkdirSync(SHOTS, { recursive: true });
    await removeMine();
    await docker(['run', '-d', '--init', '--name', IDLE, 'busybox:latest', 'sleep', '600']);
    for (const service of ['api', 'db']) {
      await docker(['run', '-d', '--init', '--name', `${PREFIX}shop-${service}`, '--label', 'com.docker.compose.project=e2e-ctr-shop', '--expose', '5432', 'busybox:latest', 'sleep', '600']);
    }
    await docker(['create', '--name', `${PREFIX}created`, 'busybox:latest', 'true']);
  });

  test.afterAll(async () => {
    await removeMine();
  });

  test("the dashboard's Stopped tile opens Containers on the stopped ones, as docker info counts them", async ({ page }) => {
    // The oracle: docker info's count, and docker ps -a's containers that are neither running nor paused.
    const counted = (await docker(['info', '--format', '{{.ContainersStopped}}'])).stdout.trim();
    const stopped = (await docker(['ps', '-a', '--format', '{{.Names}} {{.State}}'])).stdout
      .split('\n')
      .filter(Boolean)
      .filter((line) => !/ (running|paused)$/.test(line))
      .map((line) => line.split(' ')[0])
      .sort();
    expect(stopped).toContain(`${PREFIX}created`);
    expect(String(stopped.length)).toBe(counted);

    await openPage(page, 'dashboard');
    await expect(page.getByTestId('fact-containers-stopped')).toHaveText(counted);
    await page.getByTestId('tile-containers-stopped').click();
    await expect(page.getByTestId('page-containers')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#/containers?state=stopped');
    await expect(page.getByTestId('containers-state-filter')).toHaveAttribute('data-state', 'stopped');
    await expect(page.getByTestId('containers-all')).toBeChecked();
    await page.getByTestId('containers-group').uncheck();
    await expect(page.getByTestId('containers-count')).toHaveText(counted);
    const names = await page.getByTestId('container-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.name ?? '').sort());
    expect(names).toEqual(stopped);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'containers-stopped-from-dashboard.png'), animations: 'disabled', caret: 'hide' });

    // A reload keeps it; clearing the chip shows every container again; Back returns to it.
    await page.reload();
    await expect(page.getByTestId('containers-state-filter')).toHaveAttribute('data-state', 'stopped');
    await page.getByTestId('containers-state-filter-clear').click();
    await expect(page.getByTestId('containers-state-filter')).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe('#/containers');
    await page.goBack();
    await expect(page.getByTestId('containers-state-filter')).toHaveAttribute('data-state', 'stopped');
  });

  test('stop and start from the list: the row follows the engine', async ({ page }) => {
    await openContainers(page);
    await expect(page.getByTestId('containers-command')).toHaveText('docker ps');
    await expect(row(page, IDLE)).toHaveAttribute('data-state', 'running');
    await expect(row(page, `${PREFIX}created`)).toHaveCount(0);
    await page.getByTestId('containers-all').check();
    await expect(page.getByTestId('containers-command')).toHaveText('docker ps -a');
    await expect(row(page, `${PREFIX}created`)).toHaveAttribute('data-state', 'created');
    await expect(page.locator('[data-testid="container-group"][data-project="e2e-ctr-shop"]')).toContainText('2');

    await row(page, IDLE).getByTestId('container-stop').click();
    const confirm = page.getByTestId('container-confirm');
    await expect(confirm).toContainText(IDLE);
    await confirm.getByTestId('confirm-timeout').fill('1');
    await confirm.getByTestId('confirm-action').click();
    await expect(confirm).toBeHidden({ timeout: 20_000 });
    await expect(row(page, IDLE)).toHaveAttribute('data-state', 'exited', { timeout: 15_000 });
    expect(await cliState(IDLE)).toBe('exited');

    await row(page, IDLE).getByTestId('container-start').click();
    await expect(row(page, IDLE)).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
    expect(await cliState(IDLE)).toBe('running');

  });

  test('live stats: CPU and memory of the running containers in view, like docker stats', async ({ page }) => {
    await openContainers(page);
    await page.getByTestId('containers-all').check();
    await page.getByTestId('containers-search').fill(PREFIX);
    await page.getByTestId('containers-stats').check();
    const idle = row(page, IDLE);
    await expect(idle.getByTestId('container-cpu')).toHaveText(/^\d+\.\d\d%$/, { timeout: 15_000 });
    await expect(idle.getByTestId('container-memory')).toHaveText(/^[\d.]+[KMG]?i?B \/ [\d.]+[KMG]iB$/);
    // The limit is the one docker stats prints for the same container (no --memory: the machine's memory).
    const cliLimit = (await docker(['stats', '--no-stream', '--format', '{{.MemUsage}}', IDLE])).stdout.trim().split(' / ')[1];
    expect((await idle.getByTestId('container-memory').textContent())?.split(' / ')[1]).toBe(cliLimit);
    // A container that is not running has no stats.
    await expect(row(page, `${PREFIX}created`).getByTestId('container-cpu')).toHaveText('');
    await page.getByTestId('containers-search').blur();
    await page.screenshot({ path: join(SHOTS, 'containers-stats-columns.png'), animations: 'disabled', caret: 'hide' });
    await page.getByTestId('containers-stats').uncheck();
    await expect(idle.getByTestId('container-cpu')).toHaveCount(0);
  });

  test('the run dialog explains invalid entries, shows the command, and creates a container whose port answers', async ({ page }) => {
    await openContainers(page);
    await page.getByTestId('containers-run').click();
    const dialog = page.getByTestId('run-dialog');
    // A form just opened is not wrong yet: "Required" waits until the image field was left empty.
    await expect(dialog.getByTestId('problem-image')).toHaveCount(0);
    await expect(dialog.getByTestId('run-submit')).toBeDisabled();
    await dialog.getByTestId('run-image').focus();
    await dialog.getByTestId('run-name').focus();
    await expect(dialog.getByTestId('problem-image')).toHaveText('Required.');
    // An image that is not here is named, and pulling it is suggested; nothing is pulled.
    await dialog.getByTestId('run-image').fill(`${PREFIX}missing/image:1`);
    await expect(dialog.getByTestId('problem-image')).toContainText(`${PREFIX}missing/image:1`);
    await expect(dialog.getByTestId('run-pull-hint')).toBeVisible();
    await dialog.getByTestId('run-image').fill('busybox:latest');
    await expect(dialog.getByTestId('problem-image')).toBeHidden();
    await dialog.getByTestId('run-name').fill('-bad');
    await expect(dialog.getByTestId('problem-name')).toBeVisible();
    await expect(dialog.getByTestId('run-submit')).toBeDisabled();
    await dialog.getByTestId('run-name').fill(WEB);
    await expect(dialog.getByTestId('problem-name')).toBeHidden();
    await dialog.getByTestId('run-command').fill(`sh -c 'echo hello-from-${WEB} > /tmp/index.html && exec busybox httpd -f -p 8080 -h /tmp'`);
    await dialog.getByTestId('run-add-port').click();
    await dialog.getByTestId('run-port-hostIp-0').fill('127.0.0.1');
    await dialog.getByTestId('run-port-containerPort-0').fill('8080');
    await dialog.getByTestId('run-add-labels').click();
    await dialog.getByTestId('run-labels-0').fill('e2e=containers');
    await expect(dialog.getByTestId('run-preview')).toContainText(`docker run -d --name ${WEB} -p 127.0.0.1::8080/tcp -l e2e=containers busybox:latest sh -c`);
    await expect(dialog.getByTestId('run-problem-count')).toBeHidden();
    await dialog.locator('.dialog__body').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'containers-run.png'), animations: 'disabled', caret: 'hide' });

    await dialog.getByTestId('run-submit').click();
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    await expect(row(page, WEB)).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
    const link = row(page, WEB).getByTestId('container-port-link');
    await expect(link).toHaveAttribute('target', '_blank');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const published = (await docker(['port', WEB, '8080/tcp'])).stdout.trim();
    expect(published).toBe(href?.replace('http://', ''));
    // The URL the list links to answers with what the container serves.
    await expect(async () => {
      const answer = await fetch(`${href}/index.html`);
      expect(await answer.text()).toContain(`hello-from-${WEB}`);
    }).toPass({ timeout: 15_000 });

    // The list with this spec's containers: a Compose project, a created one, the web server with its port link.
    await page.getByTestId('containers-all').check();
    await page.getByTestId('containers-search').fill(PREFIX);
    await expect(page.getByTestId('containers-count')).toHaveText('5');
    await page.getByTestId('containers-search').blur();
    await page.screenshot({ path: join(SHOTS, 'containers-list.png'), animations: 'disabled', caret: 'hide' });
  });

  test("when the engine's check of the form fails, the dialog says so instead of going quiet", async ({ page }) => {
    await openContainers(page);
    await page.getByTestId('containers-run').click();
    const dialog = page.getByTestId('run-dialog');
    await dialog.getByTestId('run-image').fill('busybox:latest');
    // A NUL in the command: the contract refuses the check's input, so containers.runPlan answers an error envelope.
    await dialog.getByTestId('run-command').fill('sleep\u00001');
    await expect(dialog.getByTestId('run-plan-error')).toContainText('Could not check these entries with the engine');
    await dialog.getByTestId('run-command').fill('sleep 1');
    await expect(dialog.getByTestId('run-plan-error')).toHaveCount(0);
    await page.getByTestId('dialog-close').click();
  });

  test('details show the port, environment and inspect JSON; rename renames', async ({ page }) => {
    await openContainers(page);
    await row(page, WEB).getByTestId('container-open').click();
    const details = page.getByTestId('container-details');
    await expect(details.getByTestId('container-rename-input')).toHaveValue(WEB);
    await details.getByTestId('container-details-tab-ports').click();
    await expect(details.getByTestId('container-port-link')).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+$/);
    await details.getByTestId('container-details-tab-labels').click();
    await expect(details).toContainText('containers');
    await details.getByTestId('container-details-tab-inspect').click();
    await expect(details.getByTestId('container-inspect-json')).toContainText('"Image": "busybox:latest"');
    await details.getByTestId('container-details-tab-overview').click();
    await details.getByTestId('container-rename-input').fill(`${WEB}-renamed`);
    await details.getByTestId('container-rename').click();
    // The dialog inspects again: its title names the container by its new name.
    await expect(details.locator('#dialog-title')).toContainText(`${WEB}-renamed`);
    await expect(details.getByTestId('container-rename')).toBeDisabled();
    await page.screenshot({ path: join(SHOTS, 'containers-details.png'), animations: 'disabled', caret: 'hide' });
    await details.getByTestId('dialog-close').click();
    await expect(row(page, `${WEB}-renamed`)).toBeVisible({ timeout: 15_000 });
    expect((await docker(['inspect', '--format', '{{.Name}}', `${WEB}-renamed`])).stdout.trim()).toBe(`/${WEB}-renamed`);
  });
});
