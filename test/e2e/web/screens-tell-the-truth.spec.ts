/**
 * Issue 15's Images items as a user checks them at 1280×800, against the private engine and the docker CLI:
 * "Copy as --format" prints what `docker image ls --format` prints (the "Docker实践" post's template and its typo),
 * intermediate images are not called dangling and name the image they belong to, the filter panel folds to chips so
 * ten rows show, the cleanup preview puts the CLI's RECLAIMABLE beside what deleting frees, every figure says what it
 * counts, and open dialogs have a URL (reload keeps them, Back closes them).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildImage } from '../../support/fixtures';
import { runDockerCli } from '../../support/docker-cli';
import { docker, e2eEnv, fixtureEngine, openApp, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

const REPO = 'e2e-truth';
const POST = ['20.26.38.47:5000/redo_java:v26', '20.26.38.47:5000/redo_java:v25', '20.26.38.47:5000/suse12.2-jf:latest'];
const MANY = Array.from({ length: 12 }, (_, i) => `${REPO}/many:${i + 1}`);
const HOLDER = 'e2e-truth-holder';
const STUBBORN = 'e2e-truth-stubborn';

/** The CLI's answer for argv: stdout, or stderr without its newline when it fails. */
async function cli(argv: string[]): Promise<{ ok: boolean; text: string }> {
  const env = e2eEnv();
  const r = await runDockerCli({ host: env.dockerHost, configDir: env.cliConfigDir }, argv);
  return r.code === 0 ? { ok: true, text: r.stdout } : { ok: false, text: r.stderr.replace(/\n$/, '') };
}

/**
 * The page's text must be one the CLI printed: run before, then up to ten times more (an image with two
 * repositories prints them in Go's random map order; relative times tick).
 */
async function expectCliPrinted(argv: string[], shown: () => Promise<string>): Promise<void> {
  const seen = [(await cli(argv)).text];
  const text = await shown();
  while (!seen.includes(text) && seen.length <= 10) seen.push((await cli(argv)).text);
  expect(seen.find((s) => s === text) ?? seen.at(-1)).toBe(text);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function openFilters(page: Page): Promise<void> {
  await page.getByTestId('images-filters-toggle').click();
  await expect(page.getByTestId('images-apply-filters')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.describe('Screens that tell the truth (issue 15)', () => {
  let scratch = '';
  const ids: Record<string, string> = {};

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-truth-'));
    mkdirSync(SHOTS, { recursive: true });
    const engine = fixtureEngine(scratch);
    for (const ref of [...POST, ...MANY]) await docker(['tag', 'busybox:latest', ref]);
    // The legacy builder records each step as an untagged parent image: intermediates, labelled for the -a filter.
    ids.base = await buildImage(engine, `${REPO}/base:1`, 'FROM busybox\nLABEL e2e.truth=yes\nRUN echo a > /a\nRUN echo b > /b\n');
    ids.app = await buildImage(engine, `${REPO}/app:1`, `FROM ${REPO}/base:1\nRUN echo c > /c\n`);
    // base:1 is in use, app:1 is not: deleting app:1 frees only its own layer.
    await docker(['create', '--name', HOLDER, `${REPO}/base:1`, 'true']);
  });

  test.afterAll(async () => {
    await docker(['rm', '-f', HOLDER, STUBBORN]).catch(() => undefined);
    await docker(['rmi', '-f', ...POST, ...MANY, `${REPO}/app:1`, `${REPO}/base:1`]).catch(() => undefined);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('the filter panel folds to chips; ten rows show at 1280×800', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPage(page, 'images');
    await expect(page.getByTestId('images-filters-folded')).toBeVisible();
    await openFilters(page);
    await page.getByTestId('images-filter-reference').fill(`${REPO}/*`);
    await page.getByTestId('images-apply-filters').click();
    await page.getByTestId('images-filters-toggle').click();
    await expect(page.getByTestId('images-filter-chip')).toHaveText([`reference=${REPO}/*×`]);
    await expect(page.getByTestId('images-command')).toContainText(`docker image ls -f 'reference=${REPO}/*'`);
    const visible = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="images-table"]')?.parentElement;
      if (!box) return 0;
      const area = box.getBoundingClientRect();
      return [...box.querySelectorAll('[data-testid="image-row"]')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= area.top && b.bottom <= Math.min(area.bottom, window.innerHeight);
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(10);
    await shot(page, 'images-filters-folded');
    // A chip's × removes that filter: the whole list comes back.
    await page.getByTestId('images-filter-chip').getByRole('button').click();
    await expect(page.getByTestId('images-filter-chip')).toHaveCount(0);
    await expect(page.getByTestId('images-command')).toHaveText(/docker image ls$/);
  });

  test('Copy as --format prints what docker image ls --format prints; the post\'s typo gets the CLI\'s error at the field', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPage(page, 'images');
    await openFilters(page);
    await page.getByTestId('images-filter-reference').fill('20.26.38.47:5000/*');
    await page.getByTestId('images-apply-filters').click();
    await page.getByTestId('images-format').click();
    const dialog = page.getByTestId('format-dialog');
    await expect(dialog).toBeVisible();
    expect(page.url()).toContain('dialog=format');
    const output = dialog.getByTestId('format-output');
    const render = async (format: string): Promise<void> => {
      await dialog.getByTestId('format-input').fill(format);
      await expect(output).toHaveAttribute('data-format', format);
      await expect(output).toHaveAttribute('data-state', 'text');
    };
    await render('{{.ID}}: {{.Repository}}');
    await expectCliPrinted(['image', 'ls', '-f', 'reference=20.26.38.47:5000/*', '--format', '{{.ID}}: {{.Repository}}'], async () => (await output.textContent()) ?? '');
    await render('table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.Size}}');
    await expectCliPrinted(['image', 'ls', '-f', 'reference=20.26.38.47:5000/*', '--format', 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.Size}}'], async () => (await output.textContent()) ?? '');
    await expect(dialog.getByTestId('format-command')).toContainText("docker image ls -f 'reference=20.26.38.47:5000/*' --format");
    await shot(page, 'images-format');

    await dialog.getByTestId('format-input').fill('{{.ID}}:{{.Respository}}');
    const typo = await cli(['image', 'ls', '-f', 'reference=20.26.38.47:5000/*', '--format', '{{.ID}}:{{.Respository}}']);
    expect(typo.ok).toBe(false);
    await expect(dialog.getByTestId('format-cli-error')).toHaveText(typo.text);
    await expect(dialog.getByTestId('format-cli-error')).toContainText("can't evaluate field Respository");
    await expect(dialog.getByTestId('format-input')).toHaveAttribute('aria-invalid', 'true');
    await shot(page, 'images-format-typo');

    // The dialog has a URL: a reload keeps it open, Back closes it.
    await page.reload();
    await expect(page.getByTestId('format-dialog')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('format-dialog')).toHaveCount(0);
  });

  test('docker ps --format too, from the Containers page', async ({ page }) => {
    await openPage(page, 'containers');
    await page.getByTestId('containers-all').check();
    await page.getByTestId('containers-format').click();
    const dialog = page.getByTestId('format-dialog');
    await dialog.getByTestId('format-input').fill('{{.Names}} {{.Image}} {{.State}}');
    await expect(dialog.getByTestId('format-output')).toHaveAttribute('data-format', '{{.Names}} {{.Image}} {{.State}}');
    await expect(dialog.getByTestId('format-output')).toHaveAttribute('data-state', 'text');
    await expectCliPrinted(['ps', '-a', '--format', '{{.Names}} {{.Image}} {{.State}}'], async () => (await dialog.getByTestId('format-output').textContent()) ?? '');
    await dialog.getByTestId('format-input').fill('{{.Nmes}}');
    const refused = await cli(['ps', '-a', '--format', '{{.Nmes}}']);
    await expect(dialog.getByTestId('format-cli-error')).toHaveText(refused.text);
  });

  test('-a: untagged parents are intermediate, not dangling, and say which image they belong to', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPage(page, 'images');
    await openFilters(page);
    await page.getByTestId('images-filter-all').check();
    await page.getByTestId('images-filter-label').fill('e2e.truth=yes');
    await page.getByTestId('images-apply-filters').click();
    await expect(page.getByTestId('images-command')).toContainText('docker image ls -a -f label=e2e.truth=yes');
    const { stdout: dangling } = await docker(['image', 'ls', '-a', '-q', '--no-trunc', '-f', 'dangling=true']);
    const untagged = page.locator('[data-testid="image-row"][data-repository="<none>"]');
    await expect(untagged).not.toHaveCount(0);
    for (const row of await untagged.all()) {
      const id = (await row.getAttribute('data-id')) ?? '';
      // `docker image ls -a -f dangling=true` does not list it, so the row must not say dangling.
      expect(dangling).not.toContain(id);
      await expect(row.getByTestId('badge-dangling')).toHaveCount(0);
      await expect(row.getByTestId('badge-intermediate')).toBeVisible();
    }
    const step = untagged.filter({ has: page.getByTestId('image-owner').filter({ hasText: `${REPO}/base:1` }) }).first();
    await expect(step).toBeVisible();
    await shot(page, 'images-intermediates');
    await step.getByTestId('image-owner').click();
    const details = page.getByTestId('image-details');
    await expect(details.getByTestId('image-lineage-owners')).toContainText(`${REPO}/base:1`);
    // The chain starts at busybox, shown by one of its tags.
    const { stdout: busyboxTags } = await docker(['image', 'inspect', 'busybox:latest', '--format', '{{range .RepoTags}}{{.}}|{{end}}']);
    const base = (await details.getByTestId('image-lineage-chain').getByTestId('image-lineage-link').first().textContent()) ?? '';
    expect(busyboxTags.trim().split('|')).toContain(base);
    expect(page.url()).toContain('dialog=details');
    await shot(page, 'images-lineage');
  });

  test('the images wizard shows the CLI\'s RECLAIMABLE beside what deleting frees, and why they differ', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPage(page, 'cleanup');
    await page.getByTestId('cleanup-open-images').click();
    const wizard = page.getByTestId('cleanup-wizard');
    expect(page.url()).toContain('dialog=images');
    // "Keep the newest" counts images, not hours.
    await expect(wizard.getByTestId('cleanup-keep-newest-unit')).toHaveText('images');
    await wizard.getByTestId('cleanup-make-preview').click();
    await expect(wizard.getByTestId('cleanup-gap')).toBeVisible();
    // The CLI's own figure, from the same engine: the Images row of `docker system df`.
    const { stdout } = await docker(['system', 'df', '--format', '{{.Type}}|{{.Reclaimable}}']);
    const cliFigure = (stdout.split('\n').find((l) => l.startsWith('Images|')) ?? '').split('|')[1]?.replace(/ \(\d+%\)$/, '');
    await expect(wizard.getByTestId('cleanup-cli-reclaimable')).toHaveText(cliFigure ?? '');
    await expect(wizard.getByTestId('cleanup-frees')).not.toHaveText('…');
    await expect(wizard.getByTestId('cleanup-gap-why')).toBeVisible();
    await shot(page, 'cleanup-reclaim-gap');
    await wizard.getByTestId('cleanup-gap-layers').click();
    await expect(page.getByTestId('image-details')).toBeVisible();
    await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('data-tab', 'layers');
  });

  test('a long stop counts down to SIGKILL, from the container\'s own --stop-timeout, then shows the exit code docker gives', async ({ page }) => {
    // sh as PID 1 ignores TERM: only the SIGKILL after the grace period ends it.
    await docker(['run', '-d', '--name', STUBBORN, '--stop-timeout', '6', 'busybox', 'sh', '-c', 'trap "" TERM; while true; do sleep 1; done']);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openPage(page, 'containers');
    // All containers (-a), so the row stays once it has exited.
    await page.getByTestId('containers-all').check();
    const row = page.locator(`[data-testid="container-row"][data-name="${STUBBORN}"]`);
    await row.getByTestId('container-stop').click();
    const dialog = page.getByTestId('container-confirm');
    await dialog.getByTestId('confirm-action').click();
    const chip = dialog.getByTestId('container-stopping');
    await expect(chip).toContainText('SIGKILL in');
    const first = Number(await chip.getAttribute('data-left'));
    expect(first).toBeGreaterThanOrEqual(4);
    expect(first).toBeLessThanOrEqual(6);
    await shot(page, 'containers-stop-countdown');
    await expect.poll(async () => Number(await chip.getAttribute('data-left')), { timeout: 5_000 }).toBeLessThan(first);
    // The row behind says it too.
    await expect(row.getByTestId('container-stopping')).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'exited', { timeout: 20_000 });
    const { stdout: code } = await docker(['inspect', '-f', '{{.State.ExitCode}}', STUBBORN]);
    expect(code.trim()).toBe('137');
    await expect(row.getByTestId('container-state')).toContainText('(137)');
    await expect(row.getByTestId('container-stopping')).toHaveCount(0);
  });

  test.describe('in zh-CN', () => {
    test.use({ locale: 'zh-CN' });
    test('the Run dialog refuses what Pull refuses, with the same message at the image field (its URL opens it)', async ({ page }) => {
      await openApp(page);
      const { stdout: before } = await docker(['ps', '-a', '-q']);
      for (const typed of ['Busybox:Local', 'busybox::local', 'redo_java:v26:x']) {
        // The same reference in Pull's field: the message the grammar gives.
        await page.goto(`${page.url().split('#')[0]}#/images?dialog=pull`);
        await page.getByTestId('pull-reference').fill(typed);
        const pullSays = (await page.getByTestId('pull-reference-problem').textContent()) ?? '';
        expect(pullSays).toMatch(/[\u4e00-\u9fff]/);
        await page.goto(`${page.url().split('#')[0]}#/containers?dialog=run`);
        const dialog = page.getByTestId('run-dialog');
        await dialog.getByTestId('run-image').fill(typed);
        await dialog.getByTestId('run-name').focus();
        await expect(dialog.getByTestId('problem-image')).toHaveText(pullSays);
        await expect(dialog.getByTestId('run-submit')).toBeDisabled();
        if (typed === 'busybox::local') await shot(page, 'zh-CN-run-image-refused');
      }
      const { stdout: after } = await docker(['ps', '-a', '-q']);
      expect(after).toBe(before);
    });
  });

  test('each image count says what it counts', async ({ page }) => {
    await openApp(page);
    const { stdout: info } = await docker(['info', '--format', '{{.Images}}']);
    await expect(page.getByTestId('tile-images')).toContainText('intermediates included');
    await expect(page.getByTestId('fact-images')).toHaveText(info.trim());
    await page.getByTestId('nav-images').click();
    // Wharf's own probe (log sizes, measured while another page is open) lives a moment and is never a user's image.
    const { stdout: listed } = await docker(['image', 'ls', '--format', '{{.ID}} {{.Repository}}']);
    const ids = listed.split('\n').filter((line) => line !== '' && !line.endsWith(' wharf-probe')).map((line) => line.split(' ')[0]);
    await expect(page.getByTestId('images-count').locator('..')).toContainText(`(${new Set(ids).size} images)`);
    await page.getByTestId('nav-setup').click();
    await expect(page.getByTestId('setup-verified-images')).toContainText('docker system df');
  });

  test('a dialog that only asks opens from its URL and Back closes it; a delete confirmation has no URL', async ({ page }) => {
    await openApp(page);
    const base = page.url().split('#')[0] ?? '';
    await page.goto(`${base}#/registries?dialog=login`);
    await expect(page.getByTestId('login-dialog')).toBeVisible();
    await page.goto(`${base}#/networks?dialog=create`);
    await expect(page.getByTestId('network-create-dialog')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('login-dialog')).toBeVisible();
    await page.goBack();
    await expect(page.getByTestId('login-dialog')).toHaveCount(0);
    // Remove asks before deleting, but a link must never land on it: opening one leaves the URL as it was.
    await page.goto(`${base}#/volumes`);
    await page.getByTestId('volumes-prune').click();
    expect(page.url()).toMatch(/#\/volumes$/);
  });
});
