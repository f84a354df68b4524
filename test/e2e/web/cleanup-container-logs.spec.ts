/**
 * Container logs on the Cleanup page (issue 19), web mode against the e2e engine: a container that wrote about
 * 3 MB shows its log size (the log file's own size, measured through the engine), marked as having no limit; a
 * truncation is previewed with its size, and web mode (no root) gives the command to run as root; once run, the
 * page measures 0 bytes, `docker logs` prints nothing and the container still runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { docker, e2eEnv, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

const NAME = 'e2e-chatty-logs';

test.afterAll(async () => {
  await docker(['rm', '-f', NAME]).catch(() => undefined);
});

test.describe.configure({ mode: 'serial' });

test('a 3 MB container log: measured, previewed, truncated with the command shown; docker logs then prints nothing', async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  await docker(['rm', '-f', NAME]).catch(() => undefined);
  await docker(['run', '-d', '--name', NAME, 'busybox:latest', 'sh', '-c', 'yes 0123456789012345678901234567890123456789012345678901234567890123456789 | head -n 42000; echo done; sleep 3600']);
  await expect.poll(async () => (await docker(['logs', '--tail', '1', NAME])).stdout.trim(), { timeout: 60_000 }).toBe('done');
  const logPath = (await docker(['inspect', '-f', '{{.LogPath}}', NAME])).stdout.trim();
  const bytes = statSync(logPath).size;
  expect(bytes).toBeGreaterThan(3_000_000);

  // The Containers page has the size in a column of its own, sortable: largest first puts this one on top.
  await openPage(page, 'containers');
  const cell = page.locator(`[data-testid="container-row"][data-name="${NAME}"] [data-testid="container-logs-size"]`);
  await expect(cell).toHaveAttribute('data-bytes', String(bytes));
  await page.getByTestId('containers-sort-logs').click();
  await expect(page.getByTestId('container-row').first()).toHaveAttribute('data-name', NAME);

  await openPage(page, 'cleanup');
  const card = page.getByTestId('container-logs');
  const row = card.locator(`[data-testid="container-logs-row"][data-name="${NAME}"]`);
  await expect(row).toHaveAttribute('data-bytes', String(bytes));
  await expect(row).toContainText('no limit');
  await row.getByTestId('container-logs-select').check();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: join(SHOTS, 'cleanup-container-logs.png'), animations: 'disabled', caret: 'hide' });

  await card.getByTestId('container-logs-truncate').click();
  const dialog = page.getByTestId('container-logs-dialog');
  await expect(dialog.getByTestId('container-logs-preview')).toContainText(NAME);
  await dialog.getByTestId('container-logs-confirm').click();
  // Web mode runs nothing as root: the command, exactly for this container's log file.
  const commands = dialog.getByTestId('container-logs-commands').locator('code');
  await expect(commands).toHaveCount(1);
  const command = ((await commands.textContent()) ?? '').replace(/^#\s*/, '');
  expect(command).toMatch(new RegExp(`^/(usr/)?bin/truncate -s 0 -- ${logPath.replace(/[.]/g, '\\.')}$`));
  expect(statSync(logPath).size, 'nothing truncated by Wharf').toBe(bytes);
  await page.screenshot({ path: join(SHOTS, 'cleanup-container-logs-command.png'), animations: 'disabled', caret: 'hide' });

  // As root would: the command as shown (argv split on spaces; the path has none).
  const [binary = '', ...args] = command.split(' ');
  execFileSync(binary, args);
  await dialog.getByTestId('container-logs-dialog-close').click();
  await card.getByTestId('container-logs-refresh').click();
  await expect(row).toHaveAttribute('data-bytes', '0');
  const logs = await docker(['logs', NAME]);
  expect(logs.stdout + logs.stderr).toBe('');
  expect((await docker(['inspect', '-f', '{{.State.Running}}', NAME])).stdout.trim()).toBe('true');
});

test('default log limits: a bad size refused at its field; the review adds log-opts to daemon.json and says the engine restarts', async ({ page }) => {
  const env = e2eEnv();
  const before = readFileSync(env.daemonConfigPath, 'utf8');
  await docker(['rm', '-f', NAME]).catch(() => undefined);
  await docker(['run', '-d', '--name', NAME, 'busybox:latest', 'sleep', '3600']);
  await openPage(page, 'cleanup');
  const block = page.getByTestId('log-defaults');
  await block.getByTestId('log-max-size').fill('10 MB');
  await expect(block.getByTestId('log-max-size-problem')).toHaveText('A number with a unit, such as 10m, 500k or 1g');
  await expect(block.getByTestId('log-defaults-review')).toBeDisabled();
  await block.getByTestId('log-max-size').fill('10m');
  await block.getByTestId('log-max-file').fill('3');
  // The container made without a limit keeps it until recreated: named here.
  await expect(block.getByTestId('log-defaults-recreate')).toContainText(NAME);
  await block.scrollIntoViewIfNeeded();
  await block.screenshot({ path: join(SHOTS, 'cleanup-log-defaults.png'), animations: 'disabled', caret: 'hide' });
  await block.getByTestId('log-defaults-review').click();
  const dialog = page.getByTestId('registry-apply-dialog');
  const added = dialog.getByTestId('registry-plan-diff').locator('.registry-mirrors-diff__line--add');
  await expect(added).toContainText([/"log-opts": \{/, /"max-size": "10m",/, /"max-file": "3"/]);
  await expect(dialog.getByTestId('registry-plan-restart')).toBeVisible();
  await dialog.getByTestId('registry-apply-close').click();
  expect(readFileSync(env.daemonConfigPath, 'utf8')).toBe(before);
});
