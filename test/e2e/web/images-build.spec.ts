/**
 * Building from the Images page: the form shows the equivalent `docker build`, the log streams while the build
 * runs, the new image is listed and selected; a failing RUN shows the step that failed. Save and load round-trip
 * an image through a file.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BUSYBOX, TAR } from '../../support/constants';
import { runOk } from '../../support/exec';
import { docker, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

const REPO = 'e2e-build';

async function openImages(page: Page): Promise<void> {
  await openPage(page, 'images');
  await expect(page.getByTestId('images-table')).toBeVisible();
}

async function cliRefs(): Promise<string[]> {
  const { stdout } = await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', '-f', `reference=${REPO}/*`]);
  return stdout.split('\n').filter(Boolean).sort();
}

function writeContext(dir: string, dockerfile: string, files: Record<string, string> = {}): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Builds a Dockerfile whose third step fails; answers the dialog once the failure shows. */
async function failingBuild(page: Page, dir: string): Promise<Locator> {
  const context = writeContext(dir, 'FROM busybox:latest\nRUN echo "about to fail"\nRUN ls /does-not-exist\nRUN echo never\n');
  await openImages(page);
  await page.getByTestId('images-build').click();
  const dialog = page.getByTestId('build-dialog');
  await dialog.getByTestId('build-context').fill(context);
  await dialog.getByTestId('build-tag').fill(`${REPO}/failing:1`);
  await dialog.getByTestId('build-start').click();
  await expect(dialog.getByTestId('task-progress')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(dialog.getByTestId('build-failed-step')).toContainText('RUN ls /does-not-exist');
  await expect(dialog.getByTestId('task-log-mark')).toHaveText('Step 3/4 : RUN ls /does-not-exist');
  await expect(dialog.getByTestId('task-log')).toContainText('about to fail');
  return dialog;
}

test.describe.configure({ mode: 'serial' });

test.describe('Building, saving and loading images', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-build-'));

  test.beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  test.afterAll(async () => {
    for (const ref of await cliRefs()) await docker(['rmi', '-f', ref]).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  test('builds a folder: the log streams, the new image is listed and selected', async ({ page }) => {
    test.setTimeout(120_000);
    const context = writeContext(
      join(scratch, 'app'),
      [
        'FROM busybox:latest',
        'ARG GREETING=hello',
        'LABEL e2e.greeting=$GREETING',
        'COPY app.txt /app.txt',
        'RUN echo "greeting is $GREETING" && cat /app.txt',
        'RUN for i in 1 2 3 4 5 6; do echo "working $i"; done',
        'RUN sleep 3',
        '',
      ].join('\n'),
      { 'app.txt': 'an app file\n', '.dockerignore': 'secret.txt\n', 'secret.txt': 'never sent\n' },
    );
    await openImages(page);
    await page.getByTestId('images-build').click();
    const dialog = page.getByTestId('build-dialog');
    await expect(dialog).toBeVisible();

    // Field-by-field checks before anything is sent.
    await dialog.getByTestId('build-context').fill('relative/dir');
    await expect(dialog.getByRole('alert').first()).toBeVisible();
    await dialog.getByTestId('build-context').fill(context);
    await dialog.getByTestId('build-tag').fill('Bad:Tag');
    await expect(dialog.getByRole('alert')).toHaveCount(1);
    await dialog.getByTestId('build-tag').fill(`${REPO}/app:1`);
    await dialog.getByTestId('build-add-arg').click();
    await dialog.getByTestId('build-arg-name').fill('GREETING');
    await dialog.getByTestId('build-arg-value').fill('hi from wharf');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog.getByTestId('build-command')).toContainText(`docker build -t ${REPO}/app:1 --build-arg 'GREETING=hi from wharf' ${context}`);
    await page.screenshot({ path: join(SHOTS, 'images-build-form.png'), animations: 'disabled', caret: 'hide' });

    await dialog.getByTestId('build-start').click();
    const log = dialog.getByTestId('task-log');
    const progress = dialog.getByTestId('task-progress');
    // The log streams: earlier steps' output is on screen while the last step still runs.
    await expect
      .poll(async () => `${await progress.getAttribute('data-state')} ${String((await log.textContent())?.includes('working 6'))}`, { timeout: 30_000 })
      .toBe('running true');
    await expect(progress).toContainText('Step 7 of 7');
    await expect(log).toContainText('Step 1/7 : FROM busybox:latest');
    await expect(dialog.getByTestId('task-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
    await expect(log).toContainText('greeting is hi from wharf');
    await expect(log).toContainText(`Successfully tagged ${REPO}/app:1`);
    await expect(dialog.getByTestId('task-progress')).toContainText(`tagged ${REPO}/app:1`);
    await page.screenshot({ path: join(SHOTS, 'images-build.png'), animations: 'disabled', caret: 'hide' });

    // What the CLI says about the result.
    const { stdout } = await docker(['image', 'inspect', '--format', '{{.Id}} {{index .Config.Labels "e2e.greeting"}}', `${REPO}/app:1`]);
    const [id, label] = [stdout.trim().split(' ')[0] ?? '', stdout.trim().split(' ').slice(1).join(' ')];
    expect(label).toBe('hi from wharf');

    await dialog.getByTestId('build-close').click();
    const row = page.locator(`[data-testid="image-row"][data-repository="${REPO}/app"][data-tag="1"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-id', id);
    await expect(row).toHaveAttribute('aria-selected', 'true');
  });

  test('a failing build shows the step that failed', async ({ page }) => {
    test.setTimeout(120_000);
    const dialog = await failingBuild(page, join(scratch, 'failing'));
    await expect(dialog.getByTestId('build-failed-step')).toContainText('Failed at step 3 of 4');
    await page.screenshot({ path: join(SHOTS, 'images-build-failed.png'), animations: 'disabled', caret: 'hide' });
    expect(await cliRefs()).not.toContain(`${REPO}/failing:1`);

    // Back to the form with everything as it was.
    await dialog.getByTestId('build-again').click();
    await expect(dialog.getByTestId('build-context')).toHaveValue(join(scratch, 'failing'));
  });

  test.describe('in zh-CN, dark', () => {
    test.use({ locale: 'zh-CN', colorScheme: 'dark' });
    test('the failed build reads in Chinese', async ({ page }) => {
      test.setTimeout(120_000);
      const dialog = await failingBuild(page, join(scratch, 'failing-zh'));
      await expect(dialog.getByTestId('build-failed-step')).toContainText('失败于第 3 步');
      await page.screenshot({ path: join(SHOTS, 'zh-CN-dark-images-build-failed.png'), animations: 'disabled', caret: 'hide' });
    });
  });

  test('saves the selected image to a file and loads it back', async ({ page }) => {
    test.setTimeout(120_000);
    const target = join(scratch, 'saved.tar');
    await openImages(page);
    await page.locator(`[data-testid="image-row"][data-repository="${REPO}/app"][data-tag="1"] [data-testid="image-select"]`).check();
    await page.getByTestId('images-save').click();
    const save = page.getByTestId('save-dialog');
    await save.getByTestId('save-path').fill(target);
    await expect(save.getByTestId('save-command')).toContainText(`docker save -o ${target} ${REPO}/app:1`);
    await save.getByTestId('save-start').click();
    await expect(save.getByTestId('task-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
    expect(existsSync(target)).toBe(true);
    await save.getByTestId('save-close').click();

    // Saving again to the same file asks first.
    await page.getByTestId('images-save').click();
    await page.getByTestId('save-path').fill(target);
    await page.getByTestId('save-start').click();
    await expect(page.getByTestId('save-exists')).toBeVisible();
    await expect(page.getByTestId('save-replace')).toBeVisible();
    await page.getByTestId('dialog-close').click();

    await docker(['rmi', `${REPO}/app:1`]);
    await page.getByTestId('images-load').click();
    const load = page.getByTestId('load-dialog');
    await load.getByTestId('load-path').fill(target);
    await expect(load.getByTestId('load-command')).toContainText(`docker load -i ${target}`);
    await page.screenshot({ path: join(SHOTS, 'images-load.png'), animations: 'disabled', caret: 'hide' });
    await load.getByTestId('load-start').click();
    await expect(load.getByTestId('task-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
    await expect(load.getByTestId('load-outcome')).toContainText(`${REPO}/app:1`);
    expect(await cliRefs()).toContain(`${REPO}/app:1`);
  });

  test('imports a root filesystem tar under a name', async ({ page }) => {
    test.setTimeout(120_000);
    const rootfs = join(scratch, 'rootfs');
    mkdirSync(rootfs, { recursive: true });
    copyFileSync(BUSYBOX, join(rootfs, 'busybox'));
    chmodSync(join(rootfs, 'busybox'), 0o755);
    const tarball = join(scratch, 'rootfs.tar');
    await runOk(TAR, ['--numeric-owner', '--owner=0', '--group=0', '-C', rootfs, '-cf', tarball, '.']);

    await openImages(page);
    await page.getByTestId('images-load').click();
    const dialog = page.getByTestId('load-dialog');
    await dialog.getByTestId('load-mode-import').click();
    await dialog.getByTestId('load-path').fill(tarball);
    await dialog.getByTestId('load-reference').fill('Not Valid');
    await expect(dialog.getByRole('alert')).toHaveCount(1);
    await dialog.getByTestId('load-reference').fill(`${REPO}/rootfs:1`);
    await dialog.getByTestId('load-message').fill('from the e2e suite');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog.getByTestId('load-command')).toContainText(`docker import --message 'from the e2e suite' ${tarball} ${REPO}/rootfs:1`);
    await page.screenshot({ path: join(SHOTS, 'images-import.png'), animations: 'disabled', caret: 'hide' });
    await dialog.getByTestId('load-start').click();
    await expect(dialog.getByTestId('task-progress')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
    await expect(dialog.getByTestId('load-outcome')).toContainText(`as ${REPO}/rootfs:1`);
    const { stdout } = await docker(['image', 'history', '--format', '{{.Comment}}', `${REPO}/rootfs:1`]);
    expect(stdout.trim()).toBe('from the e2e suite');
    await dialog.getByTestId('load-close').click();
    await expect(page.locator(`[data-testid="image-row"][data-repository="${REPO}/rootfs"][data-tag="1"]`)).toBeVisible();
  });
});
