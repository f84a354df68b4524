/**
 * The setup wizard against a real user without access: a private dockerd whose socket belongs to a throwaway group,
 * and web mode run as a throwaway user outside it. The wizard opens by itself, shows the diagnosis with its evidence
 * and the commands to copy (web mode has no polkit agent); once root runs the shown command, the old session is told
 * to start a new one, and a new session of the same user turns the wizard green.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { composeConfigDir } from '../../support/compose-plugin';
import { startPrivateEngine, type PrivateEngine } from '../../support/engine-harness';
import { importBusybox } from '../../support/fixtures';
import { SHOTS, screenshotWholeContent } from '../support/screenshot';
import { copyBuiltAppForOthers, createThrowawayAccount, makeSocketDirsTraversable, type AppCopy, type ThrowawayAccount } from '../../support/throwaway-account';
import { startWebMode, type RunningWebMode } from '../support/web-mode';

const LOCALES = ['en', 'zh-CN'] as const;
type Locale = (typeof LOCALES)[number];

test.describe.configure({ mode: 'serial' });

let account: ThrowawayAccount | undefined;
let engine: PrivateEngine | undefined;
let app: AppCopy | undefined;
let web: RunningWebMode | undefined;
/** A DOCKER_CONFIG any user can read, holding Debian 13's compose 2.26 as a CLI plugin (the green session's). */
let composeConfig: string | undefined;
const token = randomBytes(16).toString('hex');

/** Web mode as the throwaway user, with the given supplementary groups — a login session of that user. */
async function serveAs(groups: number[], port = 0, dockerConfig?: string): Promise<RunningWebMode> {
  if (!account || !engine || !app) throw new Error('beforeAll did not finish');
  return startWebMode({
    dockerHost: engine.host,
    token,
    entry: app.serveEntry,
    runAs: { uid: account.uid, gid: account.gid, groups },
    env: { PATH: process.env.PATH, HOME: '/nonexistent', LANG: 'C.UTF-8', ...(dockerConfig ? { DOCKER_CONFIG: dockerConfig } : {}) },
    extraArgs: port ? ['--port', String(port)] : [],
  });
}

async function openContext(browser: Browser, locale: Locale): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

async function shoot(page: Page, locale: Locale, state: string): Promise<void> {
  // Not mid-check: the shot shows a settled wizard.
  await expect(page.getByTestId('setup-recheck')).toBeEnabled();
  mkdirSync(SHOTS, { recursive: true });
  await screenshotWholeContent(page, join(SHOTS, `${locale}-setup-${state}.png`));
}

/** The text of the shown fix commands, one command a line, without the prompt. */
async function shownCommands(page: Page): Promise<string[]> {
  await expect(page.getByTestId('setup-fix-commands')).toBeVisible();
  return (await page.getByTestId('setup-fix-commands').locator('code').allTextContents()).map((line) => line.replace(/^[#$]\s*/, '').trim());
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  account = createThrowawayAccount();
  engine = await startPrivateEngine({ name: 'setup', socketGroup: account.group });
  await importBusybox(engine);
  makeSocketDirsTraversable(engine.socketPath);
  app = copyBuiltAppForOthers();
  const shared = mkdtempSync(join(tmpdir(), 'wharf-e2e-setup-compose-'));
  chmodSync(shared, 0o755);
  composeConfig = composeConfigDir(join(shared, 'docker-config'));
  web = await serveAs([]);
});

/**
 * Whether this machine itself has a Compose v2 for a user without a DOCKER_CONFIG (the first sessions' environment),
 * asked of the docker CLI and of docker-compose on PATH — the oracle, not Wharf's lookup.
 */
function machineHasComposeV2(): boolean {
  const env = { PATH: process.env.PATH, HOME: '/nonexistent', LANG: 'C.UTF-8' };
  for (const [file, args] of [['docker', ['compose', 'version', '--short']], ['docker-compose', ['version', '--short']]] as const) {
    try {
      if (/^v?[2-9]\./.test(execFileSync(file, [...args], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim())) return true;
    } catch {
      // not there, or not a version: this one does not count
    }
  }
  return false;
}

test.afterAll(async () => {
  await web?.stop();
  app?.remove();
  await engine?.destroy();
  account?.remove();
  if (composeConfig) rmSync(join(composeConfig, '..'), { recursive: true, force: true });
});

test('a user without access: the wizard opens by itself, shows the diagnosis and the commands to copy', async ({ browser }) => {
  if (!web || !account) throw new Error('beforeAll did not finish');
  for (const locale of LOCALES) {
    const { context, page } = await openContext(browser, locale);
    try {
      // No page in the URL and an unusable engine: the start-up decision opens Setup.
      await page.goto(await web.newLoginUrl());
      await expect(page.getByTestId('page-setup')).toBeVisible();
      await expect(page).toHaveURL(/#\/setup$/);
      await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'permission-denied');

      await expect(page.getByTestId('setup-verdict')).toHaveAttribute('data-verdict', 'permission-denied');
      const connect = page.getByTestId('setup-check-connect');
      await expect(connect).toHaveAttribute('data-status', 'problem');
      await expect(connect.locator('.setup-evidence')).toContainText('EACCES');
      await expect(connect.locator('.setup-evidence')).toContainText(engine!.host);
      await expect(page.getByTestId('setup-check-socket').locator('.setup-evidence')).toContainText(account.group);
      await expect(page.getByTestId('setup-check-user-in-group')).toHaveAttribute('data-status', 'problem');
      await expect(page.getByTestId('setup-check-installed')).toHaveAttribute('data-status', 'ok');
      await expect(page.getByTestId('setup-machine-user')).toContainText(account.user);
      await expect(page.getByTestId('setup-machine-endpoint')).toContainText(engine!.host);
      await expect(page.getByTestId('setup-machine-endpoint-source')).toHaveAttribute('data-source', 'flag');

      const fixButton = page.getByTestId('setup-fix-add-user-to-group');
      await expect(fixButton).toContainText(account.user);
      await fixButton.click();
      // Web mode: no polkit agent, so no Run button — the commands to copy, then "Check again".
      await expect(page.getByTestId('setup-manual-note')).toBeVisible();
      await expect(page.getByTestId('setup-fix-run')).toHaveCount(0);
      await expect(page.getByTestId('setup-fix-commands')).toContainText(`usermod -aG ${account.group} ${account.user}`);
      const commands = await shownCommands(page);
      expect(commands.some((c) => /\bchmod\b/.test(c)), 'never chmod the socket').toBe(false);
      // Docker's warning, and the rootless alternative beside it.
      await expect(page.getByTestId('setup-group-warning')).toBeVisible();
      await expect(page.getByTestId('setup-rootless')).toContainText('dockerd-rootless-setuptool.sh install');
      await expect(page.getByTestId('nav-setup')).toHaveText(locale === 'zh-CN' ? /初始设置/ : /Setup/);
      // No DOCKER_CONFIG of this user's: Compose v2 is here only if the machine has it — else a warning (never a
      // problem) with the way to install v2 on this distribution.
      const compose = page.getByTestId('setup-check-compose');
      if (machineHasComposeV2()) {
        await expect(compose).toHaveAttribute('data-status', 'ok');
      } else {
        await expect(compose).toHaveAttribute('data-status', 'warning');
        await expect(compose.getByTestId('setup-compose-install')).toContainText(/sudo (apt-get|dnf) install -y docker-compose|install -m 0755 docker-compose-linux-/);
      }
      await shoot(page, locale, 'permission-denied');
    } finally {
      await context.close();
    }
  }
});

test('after root runs the shown command, this session needs a new one, and a new session turns green', async ({ browser }) => {
  test.setTimeout(120_000);
  if (!web || !account || !engine) throw new Error('beforeAll did not finish');
  const pages = new Map<Locale, Page>();
  const contexts: BrowserContext[] = [];
  try {
    for (const locale of LOCALES) {
      const { context, page } = await openContext(browser, locale);
      contexts.push(context);
      pages.set(locale, page);
      await page.goto(`${await web.newLoginUrl()}#/setup`);
      await expect(page.getByTestId('setup-verdict')).toHaveAttribute('data-verdict', 'permission-denied');
    }

    // Root runs exactly the command the wizard shows (checked first: nothing else is run as root).
    const first = pages.get('en')!;
    await first.getByTestId('setup-fix-add-user-to-group').click();
    const commands = await shownCommands(first);
    expect(commands).toHaveLength(1);
    const argv = (commands[0] ?? '').split(' ');
    expect(argv).toEqual([expect.stringMatching(/^\/(usr\/)?s?bin\/usermod$/), '-aG', account.group, account.user]);
    execFileSync(argv[0]!, argv.slice(1));
    expect(execFileSync('/usr/bin/id', ['-nG', account.user]).toString()).toContain(account.group);

    // The running session keeps its old groups: /etc/group lists the user, the socket still refuses.
    for (const locale of LOCALES) {
      const page = pages.get(locale)!;
      const recheck = locale === 'en' ? page.getByTestId('setup-manual-recheck') : page.getByTestId('setup-recheck');
      await recheck.click();
      await expect(page.getByTestId('setup-verdict')).toHaveAttribute('data-verdict', 'needs-relogin');
      await expect(page.getByTestId('setup-check-user-in-group')).toHaveAttribute('data-status', 'ok');
      await expect(page.getByTestId('setup-check-session-group')).toHaveAttribute('data-status', 'problem');
      await expect(page.getByTestId('setup-relogin')).toBeVisible();
      // Web mode cannot relaunch itself under the group: only "log out and back in" is offered.
      await expect(page.getByTestId('setup-relaunch')).toHaveCount(0);
      await expect(page.getByTestId('setup-recheck')).toBeEnabled();
      await shoot(page, locale, 'needs-relogin');
    }

    // A new login session of the same user: the web server again, now with the group, on the same address.
    const port = web.port;
    await web.stop();
    web = await serveAs([account.groupGid], port, composeConfig);

    // No click needed: the page reconnects, the engine comes up connected, and the wizard checks again by itself.
    const dockerVersion = (await engine.cliOk(['version', '--format', '{{.Server.Version}}'])).stdout.trim();
    const imageCount = (await engine.cliOk(['image', 'ls', '-aq'])).stdout.split('\n').filter(Boolean).length;
    for (const locale of LOCALES) {
      const page = pages.get(locale)!;
      await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
      await expect(page.getByTestId('setup-verdict')).toHaveAttribute('data-verdict', 'usable', { timeout: 15_000 });
      await page.getByTestId('setup-recheck').click();
      await expect(page.getByTestId('setup-recheck')).toBeEnabled();
      await expect(page.getByTestId('setup-verdict')).toHaveAttribute('data-verdict', 'usable');
      const verified = page.getByTestId('setup-verified');
      await expect(verified).toBeVisible();
      await expect(page.getByTestId('setup-check-connect')).toHaveAttribute('data-status', 'ok');
      await expect(page.getByTestId('setup-check-session-group')).toHaveAttribute('data-status', 'ok');
      // This session has compose 2.26 as a plugin in its DOCKER_CONFIG: named, with where it is.
      const compose = page.getByTestId('setup-check-compose');
      await expect(compose).toHaveAttribute('data-status', 'ok');
      await expect(compose.locator('.setup-evidence')).toContainText(/docker compose 2\.26\.\d+/);
      await expect(compose.locator('.setup-evidence')).toContainText(join(composeConfig!, 'cli-plugins', 'docker-compose'));
      await expect(compose.getByTestId('setup-compose-install')).toHaveCount(0);
      await expect(verified.getByTestId('setup-verified-serverVersion')).toContainText(dockerVersion);
      await expect(verified.getByTestId('setup-verified-apiVersion')).toContainText(/\d+\.\d+/);
      await expect(verified.getByTestId('setup-verified-images')).toContainText(String(imageCount));
      await expect(page.getByTestId('setup-mirror-link')).toBeVisible();
      await shoot(page, locale, 'verified');
    }

    // The mirror link leads into the Registries page.
    const zh = pages.get('zh-CN')!;
    await zh.getByTestId('setup-mirror-link').click();
    await expect(zh.getByTestId('page-registries')).toBeVisible();
    await expect(zh).toHaveURL(/#\/registries$/);
  } finally {
    for (const context of contexts) await context.close();
  }
});
