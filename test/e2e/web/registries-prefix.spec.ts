/**
 * Prefix mirrors end to end (issue 18): a loopback registry plays m.daocloud.io and holds `ghcr.io/acme/tool`. Saved
 * as ghcr.io's prefix on the Registries page, a pull of `ghcr.io/acme/tool:1` from the Images page goes through it,
 * and `docker image ls` then shows `ghcr.io/acme/tool:1` and no mirror name. A stand-in that refuses with an
 * allow-list (403) gets the translated advice. Presets say who may use them. Nothing leaves 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { importBusybox, pushToRegistry } from '../../support/fixtures';
import { startPrivateRegistry, type PrivateRegistry } from '../../support/registry-harness';
import { startRegistryStub, type RegistryStub } from '../../support/registry-stub';
import { SHOTS, screenshotWholeContent } from '../support/screenshot';
import { docker, e2eEnv, fixtureEngine, openPage } from '../support/e2e-env';

test.describe.configure({ mode: 'serial' });

let mirror: PrivateRegistry | undefined;
let refusing: RegistryStub | undefined;
let scratch = '';

const names = async (): Promise<string[]> => (await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])).stdout.split('\n').filter((l) => l !== '');

async function api(page: Page, channel: string, input: unknown): Promise<unknown> {
  const { url, token } = e2eEnv();
  const answer = await page.request.post(`${url}api/${channel}`, { headers: { Authorization: `Bearer ${token}` }, data: input });
  return answer.json();
}

test.beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-prefix-'));
  const engine = fixtureEngine(scratch);
  [mirror, refusing] = await Promise.all([startPrivateRegistry(), startRegistryStub('forbidden-allow-list')]);
  await importBusybox(engine, 'e2e-prefix/busybox:1');
  const pushed = await pushToRegistry(engine, mirror, 'e2e-prefix/busybox:1', 'ghcr.io/acme/tool:1');
  await docker(['image', 'rm', pushed, 'e2e-prefix/busybox:1']);
});

test.afterAll(async ({ request }) => {
  const { url, token } = e2eEnv();
  await request.post(`${url}api/registryMirrors.savePrefixes`, { headers: { Authorization: `Bearer ${token}` }, data: { prefixes: [] } });
  await docker(['image', 'rm', '--force', 'ghcr.io/acme/tool:1']).catch(() => undefined);
  await Promise.all([mirror?.destroy(), refusing?.close()]);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('a prefix saved for ghcr.io: the pull goes through it and docker image ls shows ghcr.io/acme/tool:1, no mirror name', async ({ page }) => {
  const address = mirror?.address ?? '';
  await openPage(page, 'registries');
  const row = page.locator('[data-testid="registry-prefix-row"][data-registry="ghcr.io"]');
  await row.getByTestId('registry-prefix-input').fill('https://m.daocloud.io');
  await expect(row).toContainText('without https://', { ignoreCase: true });
  await expect(page.getByTestId('registry-prefixes-save')).toBeDisabled();
  await row.getByTestId('registry-prefix-input').fill(address);
  await expect(row).toContainText(`${address}/ghcr.io/org/app:1`);
  await page.getByTestId('registry-prefixes-save').click();
  await expect(page.getByTestId('registry-prefixes-saved')).toBeVisible();
  await page.getByTestId('registry-prefixes-section').screenshot({ path: join(SHOTS, 'registries-prefix-mirrors.png'), animations: 'disabled', caret: 'hide' });

  await page.getByTestId('nav-images').click();
  await page.getByTestId('images-pull').click();
  await page.getByTestId('pull-reference').fill('ghcr.io/acme/tool:1');
  await expect(page.getByTestId('pull-through-prefix')).toHaveValue(address);
  const pulled = `${address}/ghcr.io/acme/tool:1`;
  await expect(page.getByTestId('pull-command')).toContainText(`docker pull ${pulled}`);
  await expect(page.getByTestId('pull-command')).toContainText(`docker tag ${pulled} ghcr.io/acme/tool:1`);
  await expect(page.getByTestId('pull-command')).toContainText(`docker rmi ${pulled}`);
  await page.screenshot({ path: join(SHOTS, 'images-pull-through-prefix.png'), animations: 'disabled', caret: 'hide' });
  await page.getByTestId('pull-start').click();
  await expect(page.getByTestId('transfer-run')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('pull-outcome')).toContainText(`Served by the prefix mirror ${address}`);

  const after = await names();
  expect(after).toContain('ghcr.io/acme/tool:1');
  expect(after.filter((name) => name.startsWith(address))).toEqual([]);
});

test('a mirror that refuses with an allow-list (403): the advice says so, and nothing is tagged', async ({ page }) => {
  const before = await names();
  await openPage(page, 'images');
  await page.getByTestId('images-pull').click();
  await page.getByTestId('pull-reference').fill('quay.io/acme/private:1');
  await page.getByTestId('pull-through-on').check();
  await page.getByTestId('pull-through-prefix').fill(refusing?.address ?? '');
  await page.getByTestId('pull-start').click();
  await expect(page.getByTestId('transfer-run')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  const hint = page.getByTestId('pull-failure-hint');
  await expect(hint).toHaveAttribute('data-reason', 'mirror-forbidden');
  await expect(hint).toContainText('allow-list');
  expect(await names()).toEqual(before);
});

test.describe('in zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test('presets say who may use them (Aliyun only from Aliyun cloud), with the date their facts were checked; a newer list loads from a file', async ({ page }) => {
    await openPage(page, 'registries');
    await page.getByTestId('registry-preset-aliyun').click();
    await expect(page.getByTestId('registry-preset-audience')).toContainText('仅限阿里云');
    await expect(page.getByTestId('registry-preset-facts')).toContainText('信息核实于 2026-06');
    await screenshotWholeContent(page, join(SHOTS, 'registries-presets-zh-CN.png'));
    const file = join(scratch, 'presets.json');
    const list = {
      format: 'wharf-mirror-presets',
      version: 1,
      presets: [{ id: 'campus', name: { en: 'Campus mirror', 'zh-CN': '校园镜像' }, hubMirror: 'https://hub.mirror.example.edu', audience: { en: 'Students.', 'zh-CN': '仅限学生。' }, limits: { en: 'None.', 'zh-CN': '无。' }, checkedAt: '2026-11-30' }],
    };
    writeFileSync(file, JSON.stringify(list));
    await page.getByTestId('registry-preset-load-open').click();
    await page.getByTestId('registry-preset-from').fill(file);
    await page.getByTestId('registry-preset-load').click();
    await expect(page.getByTestId('registry-preset-campus')).toContainText('校园镜像');
    await expect(page.getByTestId('registry-preset-aliyun')).toHaveCount(0);
    await page.getByTestId('registry-preset-reset').click();
    await expect(page.getByTestId('registry-preset-aliyun')).toBeVisible();
    expect(await api(page, 'registryMirrors.presets', {})).toMatchObject({ ok: true, value: { source: { kind: 'built-in' } } });
  });
});
