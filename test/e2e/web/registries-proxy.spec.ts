/**
 * The engine proxy block on the Registries page (issue 18), against the e2e engine (dockerd 20.10, web mode): what
 * `docker info` says is in effect, a bad address refused at its field, and — since 20.10 does not read `proxies`
 * from daemon.json — the review gives the systemd drop-in commands for root and leaves daemon.json alone. A password
 * typed into the address is never put into commands to copy, and the review never shows it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SHOTS } from '../support/screenshot';
import { docker, e2eEnv, openPage } from '../support/e2e-env';

const SECRET = 's3cret-e2e';

test('the proxy of a 20.10 engine: in effect as docker info says, a bad address refused at its field, a drop-in for root, no password shown', async ({ page }) => {
  const env = e2eEnv();
  const configBefore = readFileSync(env.daemonConfigPath, 'utf8');
  const cli = (await docker(['info', '--format', '{{.HTTPProxy}}|{{.HTTPSProxy}}|{{.NoProxy}}'])).stdout.trim().split('|');
  const version = (await docker(['version', '--format', '{{.Server.Version}}'])).stdout.trim();

  await openPage(page, 'registries');
  const block = page.getByTestId('registry-proxy');
  await expect(block).toBeVisible();
  await expect(block.getByTestId('registry-proxy-old-engine')).toContainText(version);
  // In effect: what `docker info` prints, field by field ("none" where it prints nothing).
  await expect(block.getByTestId('registry-proxy-now').locator('dd')).toHaveText(cli.map((value, i) => `${['HTTP proxy', 'HTTPS proxy', 'No proxy for'][i]}: ${value === '' ? 'none' : value}`));

  // A bad address: its problem at the field, and nothing to review.
  await block.getByTestId('registry-proxy-httpsProxy').fill('proxy.corp:3128');
  await expect(block.getByTestId('registry-proxy-httpsProxy-problem')).toHaveText('Needs http://, https:// or socks5:// in front');
  await block.getByTestId('registry-proxy-noProxy').fill('localhost, bad host');
  await expect(block.getByTestId('registry-proxy-noProxy-problem')).toHaveText('Not a host, .domain, IP address or network: bad host');
  await expect(page.getByTestId('registry-review')).toBeDisabled();

  await block.getByTestId('registry-proxy-httpsProxy').fill('http://127.0.0.1:3128');
  await block.getByTestId('registry-proxy-noProxy').fill('localhost, .corp.example');
  await expect(block.getByTestId('registry-proxy-httpsProxy-problem')).toHaveCount(0);
  await block.screenshot({ path: join(SHOTS, 'registries-proxy.png'), animations: 'disabled', caret: 'hide' });
  await page.getByTestId('registry-review').click();
  const dialog = page.getByTestId('registry-apply-dialog');
  const dropIn = dialog.getByTestId('registry-plan-drop-in-commands');
  await expect(dropIn).toBeVisible();
  const commands = (await dropIn.locator('code').allTextContents()).map((text) => text.replace(/^#\s*/, ''));
  expect(commands).toEqual([
    '/usr/bin/mkdir -p -m 0755 -- /etc/systemd/system/docker.service.d',
    "/usr/bin/tee -- /etc/systemd/system/docker.service.d/http-proxy.conf <<'WHARF_EOF'\n# Written by Wharf: the engine's proxy (docker info shows it).\n[Service]\nEnvironment=\"HTTPS_PROXY=http://127.0.0.1:3128\"\nEnvironment=\"NO_PROXY=localhost,.corp.example\"\nWHARF_EOF",
    '/usr/bin/systemctl daemon-reload',
    '/usr/bin/systemctl restart docker.service',
  ]);
  // daemon.json is not part of it (20.10 would refuse the key): no diff, no Apply; Wharf checks once they ran.
  await expect(dialog.getByTestId('registry-plan-diff')).toHaveCount(0);
  await expect(dialog.getByTestId('registry-apply-confirm')).toHaveCount(0);
  await expect(dialog.getByTestId('registry-manual-check')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'registries-proxy-drop-in.png'), animations: 'disabled', caret: 'hide' });
  await dialog.getByTestId('registry-apply-close').click();

  // A password: refused for commands to copy, at the field, and the review never shows it.
  await block.getByTestId('registry-proxy-httpsProxy').fill(`http://alice:${SECRET}@127.0.0.1:3128`);
  await page.getByTestId('registry-review').click();
  await expect(dialog.getByTestId('registry-plan-proxy-problem')).toHaveText(/Wharf does not put a password into commands to copy/);
  await expect(dialog.getByTestId('registry-plan-drop-in')).toHaveCount(0);
  expect(await dialog.innerText()).not.toContain(SECRET);
  await dialog.getByTestId('registry-apply-close').click();
  await expect(block.getByTestId('registry-proxy-httpsProxy-problem')).toContainText('Wharf does not put a password into commands to copy');

  expect(readFileSync(env.daemonConfigPath, 'utf8')).toBe(configBefore);
});

