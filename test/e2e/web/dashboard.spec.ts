import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { docker, loginUrl } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

const PAGES = ['dashboard', 'images', 'containers', 'compose', 'volumes', 'networks', 'registries', 'cleanup', 'setup', 'settings'] as const;
const DF_KINDS = ['images', 'containers', 'volumes', 'buildCache'] as const;
const CLI_TYPES: Record<(typeof DF_KINDS)[number], string> = { images: 'Images', containers: 'Containers', volumes: 'Local Volumes', buildCache: 'Build Cache' };

async function openApp(page: Page): Promise<void> {
  await page.goto(await loginUrl());
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected');
}

async function cliInfo(): Promise<Record<string, unknown>> {
  return JSON.parse((await docker(['info', '--format', '{{json .}}'])).stdout) as Record<string, unknown>;
}

async function cliDf(): Promise<Map<string, Record<string, string>>> {
  const { stdout } = await docker(['system', 'df', '--format', '{{json .}}']);
  const rows = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
  return new Map(rows.map((r) => [r.Type ?? '', r]));
}

async function expectDfMatchesCli(page: Page): Promise<void> {
  const cli = await cliDf();
  for (const kind of DF_KINDS) {
    const row = page.getByTestId(`df-row-${kind}`);
    const expected = cli.get(CLI_TYPES[kind]);
    await expect(row.getByTestId('df-total')).toHaveText(expected?.TotalCount ?? '?');
    await expect(row.getByTestId('df-active')).toHaveText(expected?.Active ?? '?');
    await expect(row.getByTestId('df-size')).toHaveText(expected?.Size ?? '?');
    await expect(row.getByTestId('df-reclaimable')).toHaveText(expected?.Reclaimable ?? '?');
  }
}

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`shell and Dashboard in ${locale}`, () => {
    test.use({ locale });

    test('shows the real engine facts and the docker system df summary', async ({ page }) => {
      await openApp(page);
      await expect(page.getByTestId('page-dashboard')).toBeVisible();
      const info = await cliInfo();
      await expect(page.getByTestId('fact-serverVersion')).toHaveText(String(info.ServerVersion));
      await expect(page.getByTestId('fact-storageDriver')).toHaveText(String(info.Driver));
      await expect(page.getByTestId('fact-dockerRootDir')).toHaveText(String(info.DockerRootDir));
      await expect(page.getByTestId('fact-operatingSystem')).toHaveText(String(info.OperatingSystem));
      await expect(page.getByTestId('fact-images')).toHaveText(String(info.Images));
      await expect(page.getByTestId('fact-containers-running')).toHaveText(String(info.ContainersRunning));
      await expectDfMatchesCli(page);
      // The language really is the one asked for: the sidebar speaks it.
      await expect(page.getByTestId('nav-images')).toHaveText(locale === 'zh-CN' ? /镜像/ : /Images/);
    });

    test('every page of the shell renders; a screenshot of each is saved', async ({ page }) => {
      mkdirSync(SHOTS, { recursive: true });
      await openApp(page);
      for (const name of PAGES) {
        await page.getByTestId(`nav-${name}`).click();
        await expect(page.getByTestId(`page-${name}`)).toBeVisible();
        // The picture shows the page loaded, not its spinners.
        await expect(page.getByTestId(`page-${name}`).locator('.spinner-row')).toHaveCount(0);
        if (name === 'dashboard') await expect(page.getByTestId('df-row-images').getByTestId('df-total')).not.toHaveText('');
        if (name === 'setup') await expect(page.getByTestId('setup-verdict')).toHaveAttribute('data-verdict', 'usable');
        await page.screenshot({ path: join(SHOTS, `${locale}-${name}.png`), fullPage: true });
      }
    });
  });
}

test('a container started with the CLI changes the Dashboard counts without a reload', async ({ page }) => {
  await openApp(page);
  const running = page.getByTestId('fact-containers-running');
  const before = Number(await running.textContent());
  const total = page.getByTestId('df-row-containers').getByTestId('df-total');
  const totalBefore = Number(await total.textContent());
  const name = `e2e-live-${Date.now()}`;
  await docker(['run', '-d', '--init', '--stop-timeout', '2', '--name', name, 'busybox', 'sleep', '600']);
  try {
    await expect(running).toHaveText(String(before + 1), { timeout: 3000 });
    await expect(total).toHaveText(String(totalBefore + 1));
    await expectDfMatchesCli(page);
  } finally {
    await docker(['rm', '-f', name]);
  }
  await expect(running).toHaveText(String(before), { timeout: 3000 });
});

test.describe('engine warnings in zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test("each of docker info's warnings is listed with what it means and the engine's own words", async ({ page }) => {
    const warnings = (JSON.parse((await docker(['info', '--format', '{{json .Warnings}}'])).stdout) as string[] | null) ?? [];
    await openApp(page);
    await expect(page.getByTestId('page-dashboard')).toBeVisible();
    await expect(page.getByTestId('fact-serverVersion')).not.toHaveText('');
    const card = page.getByTestId('engine-warnings');
    if (warnings.length === 0) {
      await expect(card).toHaveCount(0);
      return;
    }
    await card.locator('summary').click();
    const items = card.getByTestId('engine-warning');
    await expect(items.locator('.dashboard-warnings__text')).toHaveText(warnings);
    // Every warning this engine gives is one Wharf explains, in Chinese.
    for (let i = 0; i < warnings.length; i++) {
      await expect(items.nth(i)).not.toHaveAttribute('data-warning', 'unknown');
      await expect(items.nth(i).locator('.dashboard-warnings__meaning')).toHaveText(/[\u4e00-\u9fff]/);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'zh-CN-dashboard-engine-warnings.png'), animations: 'disabled', caret: 'hide' });
  });
});
