/**
 * Settings → Diagnostics: where wharf.log is, and the text a user pastes into a report — versions, the engine as
 * connected, and the log's last lines, among them a call that just failed. Never the password that call carried.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eEnv, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

test('diagnostics name the log file and carry a call that just failed, without its password', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const { url, token, logPath, dockerHost } = e2eEnv();
  // A login to a registry that is not there (a closed loopback port): a failed call with a secret in its input.
  const answer = await fetch(new URL('api/registryAccess.login', url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ server: '127.0.0.1:9', username: 'e2e-diag', password: 'e2e-diag-hunter2' }),
  });
  expect(await answer.json()).toMatchObject({ ok: false });
  await expect.poll(() => readFileSync(logPath, 'utf8')).toContain('registryAccess.login failed');
  expect(readFileSync(logPath, 'utf8')).not.toContain('e2e-diag-hunter2');

  await openPage(page, 'settings');
  const card = page.getByTestId('diagnostics');
  await expect(card.getByTestId('diagnostics-log-path')).toHaveText(logPath);
  await card.getByText('Show what is copied').click();
  const text = card.getByTestId('diagnostics-text');
  await expect(text).toContainText('Wharf ');
  await expect(text).toContainText(`Engine: ${dockerHost}`);
  await expect(text).toContainText('registryAccess.login failed');
  await expect(text).not.toContainText('e2e-diag-hunter2');
  // Web mode cannot open a folder on the server for the browser: no such button.
  await expect(card.getByTestId('diagnostics-open-folder')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'en-settings-diagnostics.png'), animations: 'disabled', caret: 'hide' });
});
