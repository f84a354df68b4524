import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildImage } from '../../support/fixtures';
import { runDockerCli } from '../../support/docker-cli';
import { docker, e2eEnv, fixtureEngine, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

const REPO = 'e2e-images';
const MANY = 150;

interface ShownRow {
  repository: string;
  tag: string;
  id: string;
}

/** The CLI's truncated ID. */
function short(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

function key(r: ShownRow): string {
  return `${r.repository}:${r.tag}@${short(r.id)}`;
}

/** `docker image ls [args] --format '{{json .}}'` as the set the page must show. */
async function cliRows(args: string[] = []): Promise<string[]> {
  const { stdout } = await docker(['image', 'ls', ...args, '--format', '{{json .}}']);
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { Repository: string; Tag: string; ID: string })
    // Wharf's own probe (log sizes, measured while another page is open) lives a moment and is never a user's row.
    .filter((r) => r.Repository !== 'wharf-probe')
    .map((r) => key({ repository: r.Repository, tag: r.Tag, id: r.ID }))
    .sort();
}

/** Every row of the virtualised table: scrolls it through and collects what each slice holds. */
async function shownRows(page: Page): Promise<string[]> {
  await expect(page.getByTestId('images-table')).toBeVisible();
  const rows = await page.evaluate(async () => {
    const table = document.querySelector('[data-testid="images-table"]');
    const box = table?.parentElement;
    if (!box) return [];
    const seen = new Map<string, { repository: string; tag: string; id: string }>();
    for (let top = 0; ; top += Math.max(100, box.clientHeight - 50)) {
      box.scrollTop = top;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      for (const tr of box.querySelectorAll<HTMLElement>('[data-testid="image-row"]')) {
        const r = { repository: tr.dataset.repository ?? '', tag: tr.dataset.tag ?? '', id: tr.dataset.id ?? '' };
        seen.set(`${r.repository}:${r.tag}@${r.id}`, r);
      }
      if (top + box.clientHeight >= box.scrollHeight) break;
    }
    box.scrollTop = 0;
    return [...seen.values()];
  });
  return rows.map(key).sort();
}

async function openImages(page: Page): Promise<void> {
  await openPage(page, 'images');
  await expect(page.getByTestId('images-table')).toBeVisible();
}

/** The filter form is folded to chips until asked for. */
async function openFilters(page: Page): Promise<void> {
  await page.getByTestId('images-filters-toggle').click();
  await expect(page.getByTestId('images-apply-filters')).toBeVisible();
}

async function applyDangling(page: Page, value: 'any' | 'true' | 'false'): Promise<void> {
  await page.getByTestId('images-filter-dangling').selectOption(value);
  await page.getByTestId('images-apply-filters').click();
}

test.describe.configure({ mode: 'serial' });

test.describe('Images page', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-images-'));
  let danglingId = '';

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await docker(['tag', 'busybox:latest', `${REPO}/tagged:1.0`]);
    await docker(['tag', 'busybox:latest', `${REPO}/tagged:2.0`]);
    const engine = fixtureEngine(scratch);
    const dockerfile = (n: number): string => `FROM busybox:latest\nRUN echo ${n} > /n\nRUN echo more > /m\nLABEL e2e.images=yes\n`;
    danglingId = await buildImage(engine, `${REPO}/built:latest`, dockerfile(1));
    await buildImage(engine, `${REPO}/built:latest`, dockerfile(2));
  });

  test.afterAll(async () => {
    const { stdout } = await docker(['image', 'ls', '-q', '--no-trunc', '-f', `reference=${REPO}/*`]);
    const ids = new Set(stdout.trim().split('\n').filter(Boolean));
    if (danglingId) ids.add(danglingId);
    const { stdout: refs } = await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', '-f', `reference=${REPO}/*`]);
    for (const ref of new Set(refs.trim().split('\n').filter(Boolean))) await docker(['rmi', ref]).catch(() => undefined);
    for (const id of ids) await docker(['rmi', '-f', id]).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  });

  test('lists the same rows as docker image ls', async ({ page }) => {
    await openImages(page);
    const expected = await cliRows();
    await expect(page.getByTestId('images-count')).toHaveText(String(expected.length));
    expect(await shownRows(page)).toEqual(expected);
    await expect(page.getByTestId('images-command')).toContainText('docker image ls');
    // Dangling images carry the badge; the rebuilt tag is a row of its own.
    await expect(page.locator(`[data-testid="image-row"][data-id="${danglingId}"]`).getByTestId('badge-dangling')).toBeVisible();
  });

  test('dangling=true shows exactly what docker image ls -f dangling=true shows, and Copy IDs equals -q', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openImages(page);
    await openFilters(page);
    await applyDangling(page, 'true');
    await expect(page.getByTestId('images-command')).toContainText('docker image ls -f dangling=true');
    const { stdout: cliIds } = await docker(['image', 'ls', '-q', '-f', 'dangling=true']);
    await expect(page.getByTestId('images-count')).toHaveText(String(cliIds.trim().split('\n').filter(Boolean).length));
    expect(await shownRows(page)).toEqual(await cliRows(['-f', 'dangling=true']));
    expect(cliIds).toContain(short(danglingId));

    await page.getByTestId('images-copy-ids').click();
    await expect(page.getByTestId('images-copy-ids')).toHaveAttribute('data-copied', 'true');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cliIds);
  });

  test('Copy as table prints what docker image ls prints', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openImages(page);
    await openFilters(page);
    await page.getByTestId('images-filter-reference').fill(`${REPO}/tagged`);
    await page.getByTestId('images-apply-filters').click();
    await expect(page.getByTestId('images-command')).toContainText(`-f reference=${REPO}/tagged`);
    await expect(page.getByTestId('images-count')).toHaveText('2');
    // Sorted by tag so the order is defined (the CLI's order among one image's tags is not).
    await page.getByTestId('sort-tag').click();
    await expect(page.locator('th', { has: page.getByTestId('sort-tag') })).toHaveAttribute('aria-sort', 'ascending');
    const cliTable = async (): Promise<string> => (await docker(['image', 'ls', '-f', `reference=${REPO}/tagged`])).stdout;
    const before = await cliTable();
    await page.getByTestId('images-copy-table').click();
    await expect(page.getByTestId('images-copy-table')).toHaveAttribute('data-copied', 'true');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const after = await cliTable();
    // Same header, padding and relative times; lines compared as a set since the CLI's order among one image's tags is random.
    const lines = (s: string): string[] => s.split('\n').sort();
    expect(lines(before)).toHaveLength(4);
    expect([lines(before), lines(after)]).toContainEqual(lines(copied));

    await page.getByTestId('images-copy-json').click();
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { repository: string; tag: string }[];
    expect(json.map((r) => `${r.repository}:${r.tag}`)).toEqual([`${REPO}/tagged:1.0`, `${REPO}/tagged:2.0`]);
  });

  test('-a shows the intermediate images like docker image ls -a', async ({ page }) => {
    await openImages(page);
    await openFilters(page);
    await page.getByTestId('images-filter-all').check();
    await page.getByTestId('images-filter-label').fill('e2e.images=yes');
    await applyDangling(page, 'false');
    await expect(page.getByTestId('images-command')).toContainText("docker image ls -a -f dangling=false -f label=e2e.images=yes");
    const expectedFiltered = await cliRows(['-a', '-f', 'dangling=false', '-f', 'label=e2e.images=yes']);
    await expect(page.getByTestId('images-count')).toHaveText(String(expectedFiltered.length));
    expect(await shownRows(page)).toEqual(expectedFiltered);

    await page.getByTestId('images-reset-filters').click();
    await page.getByTestId('images-filter-all').check();
    await page.getByTestId('images-apply-filters').click();
    await expect(page.getByTestId('images-command')).toContainText('docker image ls -a');
    const expected = await cliRows(['-a']);
    expect(expected.length).toBeGreaterThan((await cliRows()).length);
    await expect(page.getByTestId('images-count')).toHaveText(String(expected.length));
    expect(await shownRows(page)).toEqual(expected);
  });

  test('since=nosuch:tag is said at the since field, as the CLI refuses it; no "could not load" notice', async ({ page }) => {
    // The oracle: `docker image ls -f since=nosuch:tag` fails, naming the image.
    const env = e2eEnv();
    const cli = await runDockerCli({ host: env.dockerHost, configDir: env.cliConfigDir }, ['image', 'ls', '-f', 'since=nosuch:tag']);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain('No such image: nosuch:tag');
    await openImages(page);
    await openFilters(page);
    await page.getByTestId('images-filter-since').fill('nosuch:tag');
    await page.getByTestId('images-apply-filters').click();
    await expect(page.getByTestId('images-filter-since-problem')).toHaveText('No image nosuch:tag here: since and before need an image this engine has.');
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'images-filter-since-missing.png'), animations: 'disabled', caret: 'hide' });
    await page.getByTestId('images-reset-filters').click();
    await expect(page.getByTestId('images-filter-since-problem')).toHaveCount(0);
  });

  test('a repository with a registry host keeps the end of its name in view at 1280×800, digests on or off', async ({ page }) => {
    const names = ['20.26.38.47:5000/redo_java', '20.26.38.47:5000/suse12.2-jf'];
    for (const n of names) await docker(['tag', 'busybox:latest', `${n}:v1`]);
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openImages(page);
      await page.getByTestId('images-search').fill('20.26.38.47');
      for (const digests of [false, true]) {
        if (digests) {
          await page.getByTestId('images-toggle-digests').check();
          await expect(page.locator('[data-testid="image-row"] .col-digest').first()).toBeVisible();
        }
        for (const n of names) {
          const cell = page.locator(`[data-testid="image-row"][data-repository="${n}"] .col-repository`);
          const tail = cell.locator('.middle-ellipsis__tail');
          await expect(tail).toHaveText(n.slice(n.lastIndexOf('/')));
          // The end is shown whole (nothing of it is cut, by itself or by the cell), and the column keeps room for it.
          expect(await tail.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
          const [tailBox, cellBox] = [await tail.boundingBox(), await cell.boundingBox()];
          expect((tailBox?.x ?? 0) + (tailBox?.width ?? 0)).toBeLessThanOrEqual((cellBox?.x ?? 0) + (cellBox?.width ?? 0));
          expect(cellBox?.width ?? 0).toBeGreaterThanOrEqual(150);
        }
        await page.screenshot({ path: join(SHOTS, `images-long-repository${digests ? '-digests' : ''}.png`), animations: 'disabled', caret: 'hide' });
      }
    } finally {
      for (const n of names) await docker(['rmi', `${n}:v1`]);
    }
  });

  test('an image tagged or removed with the CLI appears and disappears without a reload', async ({ page }) => {
    await openImages(page);
    await page.getByTestId('images-search').fill(`${REPO}/live`);
    await expect(page.getByTestId('images-no-match')).toBeVisible();
    await docker(['tag', 'busybox:latest', `${REPO}/live:now`]);
    await expect(page.locator(`[data-testid="image-row"][data-repository="${REPO}/live"][data-tag="now"]`)).toBeVisible({ timeout: 3000 });
    await expect(page.getByTestId('images-count')).toHaveText('1');
    await docker(['rmi', `${REPO}/live:now`]);
    await expect(page.getByTestId('images-no-match')).toBeVisible({ timeout: 3000 });
  });

  test("a row's menu stays open, under its own row, while the list refreshes and the row moves", async ({ page }) => {
    await docker(['tag', 'busybox:latest', `${REPO}/menu:m`]);
    await openImages(page);
    await page.getByTestId('images-search').fill(`${REPO}/menu`);
    await page.getByTestId('sort-tag').click();
    const row = page.locator(`[data-testid="image-row"][data-repository="${REPO}/menu"][data-tag="m"]`);
    await expect(page.getByTestId('image-row')).toHaveCount(1);
    await row.getByTestId('image-actions').click();
    const item = page.getByTestId('image-action-tag');
    await expect(item).toBeVisible();
    const before = await row.boundingBox();

    // A tag sorted above it appears: the list refreshes on the event and the row moves down one row.
    await docker(['tag', 'busybox:latest', `${REPO}/menu:a`]);
    await expect(page.getByTestId('image-row')).toHaveCount(2);
    await expect(page.getByTestId('image-row').first()).toHaveAttribute('data-tag', 'a');
    await expect.poll(async () => (await row.boundingBox())?.y).toBeGreaterThan(before?.y ?? Infinity);
    await expect(item, 'the menu is still open').toBeVisible();
    // It sits under its own row's button, not beside the row that took the old place.
    const button = await row.getByTestId('image-actions').boundingBox();
    await expect.poll(async () => Math.round((await page.getByRole('menu').boundingBox())?.y ?? 0)).toBe(Math.round((button?.y ?? 0) + (button?.height ?? 0) + 4));
    await item.click();
    await expect(page.getByTestId('tag-dialog')).toContainText(`${REPO}/menu:m`);
    await docker(['rmi', `${REPO}/menu:a`, `${REPO}/menu:m`]);
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    test.describe(`in ${locale}`, () => {
      test.use({ locale });
      test(`screenshot of the list (${locale})`, async ({ page }) => {
        mkdirSync(SHOTS, { recursive: true });
        await openImages(page);
        await expect(page.getByTestId('image-row').first()).toBeVisible();
        await page.screenshot({ path: join(SHOTS, `${locale}-images-list.png`), animations: 'disabled', caret: 'hide' });
      });
    });
  }

  test(`with ${MANY} more tags the DOM holds only the visible rows`, async ({ page }) => {
    test.setTimeout(240_000);
    const refs = Array.from({ length: MANY }, (_, i) => `${REPO}/many:${String(i).padStart(3, '0')}`);
    for (let i = 0; i < refs.length; i += 15) await Promise.all(refs.slice(i, i + 15).map((r) => docker(['tag', 'busybox:latest', r])));
    await openImages(page);
    const expected = await cliRows();
    await expect(page.getByTestId('images-count')).toHaveText(String(expected.length));
    const inDom = await page.getByTestId('image-row').count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(60);
    expect(await shownRows(page)).toEqual(expected);
    // Sorting by tag descending puts the last seeded tag first.
    await page.getByTestId('images-search').fill(`${REPO}/many`);
    await page.getByTestId('sort-tag').click();
    await page.getByTestId('sort-tag').click();
    await expect(page.getByTestId('image-row').first()).toHaveAttribute('data-tag', refs[refs.length - 1]?.split(':')[1] ?? '');
  });
});
