/**
 * What the engine or the file system refuses is said at the field it is about, in the user's language, and
 * changes nothing: a subnet another network already uses (Networks → Create network), and a save whose path is
 * a device or a symbolic link (Images → Save). Objects here are named e2e-rf-…; files live in a scratch folder.
 */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runDockerCli } from '../../support/docker-cli';
import { runOk } from '../../support/exec';
import { docker, e2eEnv, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

const FIRST = 'e2e-rf-first';
const SECOND = 'e2e-rf-second';

async function quietly(args: string[]): Promise<void> {
  const env = e2eEnv();
  await runDockerCli({ host: env.dockerHost, configDir: env.cliConfigDir }, args);
}

async function networkNames(): Promise<string[]> {
  return (await docker(['network', 'ls', '--format', '{{.Name}}'])).stdout.split('\n').filter(Boolean);
}

async function openSaveOfBusybox(page: Page): Promise<void> {
  await openPage(page, 'images');
  await page.locator('[data-testid="image-row"][data-repository="busybox"][data-tag="latest"] [data-testid="image-select"]').check();
  await page.getByTestId('images-save').click();
  await expect(page.getByTestId('save-dialog')).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.describe('refusals said at the field', () => {
  let scratch = '';
  let subnet = '';

  test.beforeAll(async () => {
    await quietly(['network', 'rm', FIRST, SECOND]);
    await docker(['network', 'create', FIRST]);
    const config = JSON.parse((await docker(['network', 'inspect', '--format', '{{json .IPAM.Config}}', FIRST])).stdout) as Array<{ Subnet: string }>;
    subnet = config[0]?.Subnet ?? '';
    scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-rf-'));
    mkdirSync(SHOTS, { recursive: true });
  });

  test.afterAll(async () => {
    await quietly(['network', 'rm', FIRST, SECOND]);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('a subnet another network uses is explained at the subnet field; nothing is created', async ({ page }) => {
    expect(subnet).toMatch(/\/\d+$/);
    await openPage(page, 'networks');
    await page.getByTestId('networks-create').click();
    await page.getByTestId('network-create-name').fill(SECOND);
    // Said while typing, naming the network, before anything is sent to the engine.
    await page.getByTestId('network-create-subnet').fill(subnet);
    await expect(page.getByTestId('network-create-subnet-problem')).toContainText(`${subnet} of network “${FIRST}” overlaps this subnet`);
    // A larger subnet that holds it overlaps too.
    const holding = subnet.replace(/^(\d+\.\d+)\.\d+\.\d+\/\d+$/, '$1.0.0/16');
    expect(holding).not.toBe(subnet);
    await page.getByTestId('network-create-subnet').fill(holding);
    await expect(page.getByTestId('network-create-subnet-problem')).toContainText(`“${FIRST}”`);
    await page.getByTestId('network-create-submit').click();
    await expect(page.getByTestId('network-create-dialog')).toBeVisible();
    expect(await networkNames()).not.toContain(SECOND);
    // A different subnet is the user's answer: the explanation goes.
    await page.getByTestId('network-create-subnet').fill('');
    await expect(page.getByTestId('network-create-subnet-problem')).toHaveCount(0);
  });

  test.describe('in zh-CN', () => {
    test.use({ locale: 'zh-CN' });
    test('the overlapping subnet reads in Chinese', async ({ page }) => {
      await openPage(page, 'networks');
      await page.getByTestId('networks-create').click();
      await page.getByTestId('network-create-name').fill(SECOND);
      await page.getByTestId('network-create-subnet').fill(subnet);
      await expect(page.getByTestId('network-create-subnet-problem')).toContainText(`网络“${FIRST}”的子网 ${subnet} 与此子网重叠`);
      await page.getByTestId('network-create-submit').click();
      expect(await networkNames()).not.toContain(SECOND);
      await page.screenshot({ path: join(SHOTS, 'zh-CN-networks-create-overlap.png'), animations: 'disabled', caret: 'hide' });
    });
  });

  test('mirror entries that cannot work stay in the list with their reason, and Review says why it is disabled', async ({ page }) => {
    const configPath = e2eEnv().daemonConfigPath;
    const before = readFileSync(configPath, 'utf8');
    await openPage(page, 'registries');
    await page.getByTestId('registry-preset-custom').click();
    for (const typed of ['http://a b', 'ftp://x']) {
      await page.getByTestId('registry-mirror-input').fill(typed);
      await page.getByTestId('registry-mirror-add-button').click();
    }
    const entries = page.getByTestId('registry-mirrors-list').getByTestId('registry-mirrors-entry');
    const spaced = entries.filter({ hasText: 'http://a b' });
    await expect(spaced).toHaveCount(1);
    await expect(spaced.getByRole('alert')).toHaveText('Not a URL');
    await expect(entries.filter({ hasText: 'ftp://x' }).getByRole('alert')).toHaveText('Only http:// and https:// addresses work as a mirror');
    await expect(page.getByTestId('registry-review')).toBeDisabled();
    await expect(page.getByText('Fix the marked entries first.')).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await entries.last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'registry-mirrors-entry-problems.png'), animations: 'disabled', caret: 'hide' });
    expect(readFileSync(configPath, 'utf8')).toBe(before);
  });

  test('a save to a device or a symbolic link is refused at the path field; both stay as they were', async ({ page }) => {
    const device = join(scratch, 'null-device');
    await runOk('/usr/bin/mknod', [device, 'c', '1', '3']);
    const victim = join(scratch, 'victim.txt');
    writeFileSync(victim, 'not yours');
    const link = join(scratch, 'link.tar');
    symlinkSync(victim, link);

    await openSaveOfBusybox(page);
    const save = page.getByTestId('save-dialog');
    await save.getByTestId('save-path').fill(device);
    await save.getByTestId('save-start').click();
    await expect(save.getByTestId('save-path-problem')).toHaveText(/This is a device \(like \/dev\/null\), not a file/);
    await page.screenshot({ path: join(SHOTS, 'images-save-refused-device.png'), animations: 'disabled', caret: 'hide' });
    await expect(save.getByTestId('save-replace')).toHaveCount(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);

    await save.getByTestId('save-path').fill(link);
    await expect(save.getByTestId('save-path-problem')).toHaveCount(0);
    await save.getByTestId('save-start').click();
    await expect(save.getByTestId('save-path-problem')).toHaveText(/A symbolic link has this name/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('not yours');
  });
});
