/**
 * The Compose page end to end (issue 17), through web mode against the e2e engine and Debian 13's docker-compose
 * 2.26 (a CLI plugin in Wharf's and the CLI oracle's own DOCKER_CONFIG). The oracle's argv is written here. Images
 * are the harness's busybox; nothing leaves the machine.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SHOTS, screenshotWholeContent } from '../support/screenshot';
import { docker, openPage } from '../support/e2e-env';

test.describe.configure({ mode: 'serial' });

let scratch = '';
const PROJECTS = ['e2e-cli', 'e2e-web', 'e2e-keep'];

const service = (name: string, extra: string): string => `  ${name}:\n    image: busybox:latest\n    init: true\n    stop_grace_period: 1s\n${extra}`;

function folder(name: string, files: Record<string, string>): string {
  const at = join(scratch, name);
  mkdirSync(at, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(at, file), text);
  return at;
}

interface CliRow {
  ID: string;
  Service: string;
  State: string;
}
async function cliPs(project: string): Promise<CliRow[]> {
  const { stdout } = await docker(['compose', '-p', project, 'ps', '-a', '--format', 'json']);
  return stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as CliRow)
    .sort((a, b) => a.Service.localeCompare(b.Service));
}

async function selectProject(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="compose-project"][data-project="${name}"]`).click();
  await expect(page.getByTestId('compose-panel')).toHaveAttribute('data-project', name);
}

async function taskEnds(page: Page, state: 'succeeded' | 'failed'): Promise<void> {
  await expect(page.getByTestId('compose-task')).toHaveAttribute('data-state', state, { timeout: 90_000 });
}

test.beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-compose-'));
});

test.afterAll(async () => {
  for (const project of PROJECTS) await docker(['compose', '-p', project, 'down', '-v']).catch(() => undefined);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('a project started with the CLI appears and is stopped from Wharf', async ({ page }) => {
  const at = folder('e2e-cli', { 'compose.yaml': `services:\n${service('api', '    command: ["sleep", "600"]\n')}${service('cache', '    command: ["sleep", "600"]\n')}` });
  await docker(['compose', '-p', 'e2e-cli', '-f', join(at, 'compose.yaml'), 'up', '-d']);
  await openPage(page, 'compose');
  await expect(page.getByTestId('compose-tool')).toHaveAttribute('data-kind', 'plugin');
  await expect(page.locator('[data-testid="compose-project"][data-project="e2e-cli"]')).toContainText('2/2');
  await selectProject(page, 'e2e-cli');
  await expect(page.getByTestId('compose-service-row')).toHaveCount(2);
  await expect(page.getByTestId('compose-stop')).toHaveAttribute('title', 'docker compose -p e2e-cli stop');
  await page.getByTestId('compose-stop').click();
  await taskEnds(page, 'succeeded');
  expect((await cliPs('e2e-cli')).map((r) => [r.Service, r.State])).toEqual([
    ['api', 'exited'],
    ['cache', 'exited'],
  ]);
  await expect(page.locator('[data-testid="compose-project"][data-project="e2e-cli"]')).toContainText('0/2');
});

test('a folder opened in Wharf comes up; its logs show both services; an .env edit then up recreates only the service it affects', async ({ page }) => {
  const at = folder('e2e-web', {
    'compose.yaml': `services:\n${service('web', '    command: ["sh", "-c", "echo web says $$GREETING; sleep 600"]\n    environment:\n      GREETING: ${GREETING}\n')}${service('worker', '    command: ["sh", "-c", "echo worker ready; sleep 600"]\n')}`,
    '.env': 'GREETING=hello\n',
  });
  await openPage(page, 'compose');
  await page.getByTestId('compose-open-path').fill(at);
  await page.getByTestId('compose-open-button').click();
  await expect(page.getByTestId('compose-panel')).toHaveAttribute('data-project', 'e2e-web');
  await page.getByTestId('compose-up').click();
  await taskEnds(page, 'succeeded');
  await expect(page.locator('[data-testid="compose-outcome"][data-state="done"]')).toHaveCount(2);
  const before = await cliPs('e2e-web');
  expect(before.map((r) => r.State)).toEqual(['running', 'running']);

  await page.getByTestId('compose-logs').click();
  const logs = page.getByTestId('compose-logs-dialog');
  await expect(logs.locator('[data-testid="log-line"][data-source="web-1"]')).toContainText('web says hello');
  await expect(logs.locator('[data-testid="log-line"][data-source="worker-1"]')).toContainText('worker ready');
  await page.screenshot({ path: join(SHOTS, 'compose-logs.png'), animations: 'disabled', caret: 'hide' });
  await page.keyboard.press('Escape');

  await page.getByTestId('compose-edit').click();
  await page.locator('[data-testid="compose-editor-tab"][data-file=".env"]').click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('GREETING=bonjour\n');
  await expect(page.locator('[data-testid="compose-editor-tab"][data-file=".env"] .compose-editor__dirty')).toHaveCount(1);
  await page.getByTestId('compose-editor-save').click();
  // Saved: the tab's unsaved mark goes only once the core wrote the file; then the check runs again.
  await expect(page.locator('.compose-editor__dirty')).toHaveCount(0);
  await expect(page.getByTestId('compose-editor-check')).toBeEnabled();
  await expect(page.getByTestId('compose-config')).toHaveAttribute('data-ok', 'true');
  expect(readFileSync(join(at, '.env'), 'utf8')).toBe('GREETING=bonjour\n');
  await page.getByTestId('compose-up').click();
  await taskEnds(page, 'succeeded');
  const after = await cliPs('e2e-web');
  expect(after.find((r) => r.Service === 'web')?.ID).not.toBe(before.find((r) => r.Service === 'web')?.ID);
  expect(after.find((r) => r.Service === 'worker')?.ID).toBe(before.find((r) => r.Service === 'worker')?.ID);
  expect((await docker(['logs', `e2e-web-web-1`])).stdout).toContain('web says bonjour');
  await screenshotWholeContent(page, join(SHOTS, 'compose-project.png'));
});

test('down without -v keeps the named volume and its data; the preview says what goes', async ({ page }) => {
  const at = folder('e2e-keep', { 'compose.yaml': `services:\n${service('db', '    command: ["sh", "-c", "echo kept > /data/file; sleep 600"]\n    volumes: [data:/data]\n')}volumes:\n  data: {}\n` });
  await docker(['compose', '-p', 'e2e-keep', '-f', join(at, 'compose.yaml'), 'up', '-d']);
  await openPage(page, 'compose');
  await selectProject(page, 'e2e-keep');
  await page.getByTestId('compose-down').click();
  const dialog = page.getByTestId('compose-down-dialog');
  await expect(dialog.getByTestId('compose-down-preview')).toContainText('e2e-keep-db-1');
  await expect(dialog.getByTestId('compose-down-preview')).toContainText('e2e-keep_default');
  await expect(dialog.getByTestId('compose-down-volumes')).not.toBeChecked();
  await dialog.getByTestId('compose-down-volumes').check();
  await expect(dialog.getByTestId('compose-down-preview')).toContainText('e2e-keep_data');
  await expect(dialog.getByTestId('compose-down-command')).toContainText('docker compose -p e2e-keep down -v');
  await page.screenshot({ path: join(SHOTS, 'compose-down.png'), animations: 'disabled', caret: 'hide' });
  await dialog.getByTestId('compose-down-volumes').uncheck();
  await expect(dialog.getByTestId('compose-down-preview')).not.toContainText('e2e-keep_data');
  await dialog.getByTestId('compose-down-confirm').click();
  await taskEnds(page, 'succeeded');
  expect(await cliPs('e2e-keep')).toEqual([]);
  expect((await docker(['volume', 'ls', '-q'])).stdout.split('\n')).toContain('e2e-keep_data');
  expect((await docker(['run', '--rm', '-v', 'e2e-keep_data:/data', 'busybox:latest', 'cat', '/data/file'])).stdout.trim()).toBe('kept');
});

test('a config error shows its file and line, marked in the editor', async ({ page }) => {
  const at = folder('e2e-bad', { 'compose.yaml': 'services:\n  a:\n    image: busybox:latest\n   command: x\n' });
  await openPage(page, 'compose');
  await page.getByTestId('compose-open-path').fill(at);
  await page.getByTestId('compose-open-button').click();
  await page.getByTestId('compose-edit').click();
  const status = page.getByTestId('compose-config');
  await expect(status).toHaveAttribute('data-ok', 'false');
  await expect(status).toHaveAttribute('data-line', '4');
  await expect(status).toContainText('compose.yaml, line 4: YAML: All mapping items must start at the same column');
  await expect(page.locator('.cm-wharf-error-line')).toHaveCount(1);
  await page.screenshot({ path: join(SHOTS, 'compose-config-error.png'), animations: 'disabled', caret: 'hide' });
  await page.getByTestId('compose-forget').click();
  await expect(page.locator('[data-testid="compose-project"][data-project="e2e-bad"]')).toHaveCount(0);
});

test.describe('in zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test('the page reads Chinese, and a terminal opens in a service container', async ({ page }) => {
    await openPage(page, 'compose');
    await expect(page.getByTestId('nav-compose')).toContainText('Compose 项目');
    await expect(page.getByTestId('compose-open')).toContainText('打开文件夹或 Compose 文件');
    await selectProject(page, 'e2e-web');
    await expect(page.getByTestId('compose-up')).toContainText('创建并启动');
    await page.locator('[data-testid="compose-service-row"][data-service="web"]').getByTestId('compose-service-exec').click();
    const dialog = page.getByTestId('compose-exec-dialog');
    await dialog.getByTestId('terminal-connect').click();
    await expect(dialog.getByTestId('terminal-status')).toHaveAttribute('data-state', 'open');
    const screen = dialog.getByTestId('exec-terminal').locator('.xterm-rows');
    await expect(screen).toContainText('#');
    await page.keyboard.type('echo wharf-$((6*7))');
    await page.keyboard.press('Enter');
    await expect(screen).toContainText('wharf-42');
    await page.screenshot({ path: join(SHOTS, 'compose-zh-CN.png'), animations: 'disabled', caret: 'hide' });
  });
});
