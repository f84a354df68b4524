/**
 * The engine switcher against two private engines and the docker CLI's context store (a folder of the test's own,
 * never the user's ~/.docker): the switcher lists `docker context ls`, probes each engine when it opens, and a
 * click switches Wharf live — the Images page shows the other engine's own marker image within 1 s, no reload, and
 * the CLI's current context stays as it was. A context added in the dialog is one the CLI lists, and removing it
 * there removes it for the CLI.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startPrivateEngine, type PrivateEngine } from '../../support/engine-harness';
import { startSshServer, type SshServer } from '../../support/ssh-harness';
import { createThrowawayAccount, type ThrowawayAccount } from '../../support/throwaway-account';
import { run } from '../../support/exec';
import { importBusybox } from '../../support/fixtures';
import { defaultDockerCli } from '../../support/preconditions';
import { docker, e2eEnv } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';
import { startWebMode, type RunningWebMode } from '../support/web-mode';

test.describe.configure({ mode: 'serial' });

test.describe('switching engines', () => {
  let b: PrivateEngine | undefined;
  let web: RunningWebMode | undefined;
  let configDir = '';
  let account: ThrowawayAccount | undefined;
  let ssh: SshServer | undefined;

  /** The docker CLI on the test's context store, without DOCKER_HOST: its contexts decide where it goes. */
  const cli = async (args: string[]): Promise<string> => {
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: configDir, DOCKER_CLI_HINTS: 'false', PATH: `${ssh?.shimDir ?? ''}:${process.env.PATH ?? ''}` };
    for (const key of ['DOCKER_HOST', 'DOCKER_CONTEXT']) delete env[key];
    const result = await run(defaultDockerCli(), args, { env, timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };

  const signIn = async (page: Page): Promise<void> => {
    await page.goto(await web!.newLoginUrl());
    await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'connected');
  };

  const rowsOf = (page: Page, repository: string) => page.locator(`[data-testid="image-row"][data-repository="${repository}"]`);

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    mkdirSync(SHOTS, { recursive: true });
    account = createThrowawayAccount();
    b = await startPrivateEngine({ name: 'e2e-b', socketGroup: account.group });
    await importBusybox(b, 'marker-b:1');
    await docker(['tag', 'busybox:latest', 'marker-a:1']);
    configDir = mkdtempSync(join(tmpdir(), 'wharf-e2e-contexts-'));
    // Engine B is also reachable over ssh (the harness's sshd on 127.0.0.1), as a host new to this user.
    ssh = await startSshServer({ engineSocket: b.socketPath, dir: join(configDir, 'sshd'), account });
    await cli(['context', 'create', 'engine-ssh', '--docker', `host=ssh://${ssh.alias}`]);
    await cli(['context', 'create', 'engine-b', '--description', 'the second private engine', '--docker', `host=${b.host}`]);
    await cli(['context', 'create', 'engine-a', '--docker', `host=${e2eEnv().dockerHost}`]);
    await cli(['context', 'use', 'engine-a']);
    // Started with --docker-host, as the suite's other servers: the "default" engine is the private one (never the
    // machine's own socket), and Wharf starts on it whatever the CLI's current context is.
    web = await startWebMode({
      dockerHost: e2eEnv().dockerHost,
      token: randomBytes(16).toString('hex'),
      env: { ...process.env, DOCKER_CONFIG: configDir, XDG_STATE_HOME: configDir, XDG_CONFIG_HOME: configDir, PATH: `${ssh.shimDir}:${process.env.PATH ?? ''}` },
    });
  });

  test.afterAll(async () => {
    await web?.stop();
    await ssh?.stop();
    await b?.destroy();
    account?.remove();
    await docker(['rmi', 'marker-a:1']).catch(() => undefined);
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  test('the switcher lists the docker contexts, probes them, and switches the Images page live within 1 s; the CLI keeps its context', async ({ page }) => {
    await signIn(page);
    await page.getByTestId('nav-images').click();
    await expect(page.getByTestId('engine-switcher')).toHaveAttribute('data-engine', 'default');
    await expect(page).toHaveTitle(/default/);
    await expect(rowsOf(page, 'marker-a')).toHaveCount(1);
    await expect(rowsOf(page, 'marker-b')).toHaveCount(0);

    await page.getByTestId('engine-switcher').click();
    const panel = page.getByTestId('engine-panel');
    // The same contexts as `docker context ls`, each probed now.
    const cliNames = (await cli(['context', 'ls', '--format', '{{.Name}}'])).trim().split('\n');
    await expect(panel.locator('[data-testid^="engine-row-"]')).toHaveCount(cliNames.length);
    for (const name of cliNames) await expect(panel.getByTestId(`engine-row-${name}`)).toBeVisible();
    await expect(panel.getByTestId('engine-reach-engine-b')).toHaveAttribute('data-state', 'connected');
    await expect(panel.getByTestId('engine-reach-engine-a')).toHaveAttribute('data-state', 'connected');
    await expect(panel.getByTestId('engine-reach-default')).toHaveAttribute('data-state', 'connected');
    await expect(panel.getByTestId('engine-reach-engine-ssh')).toHaveAttribute('data-state', 'unreachable');
    await page.screenshot({ path: join(SHOTS, 'engines-switcher.png'), animations: 'disabled', caret: 'hide' });

    await panel.getByTestId('engine-row-engine-b').click();
    await expect(rowsOf(page, 'marker-b')).toHaveCount(1, { timeout: 1_000 });
    await expect(rowsOf(page, 'marker-a')).toHaveCount(0);
    await expect(page.getByTestId('engine-switcher')).toHaveAttribute('data-engine', 'engine-b');
    await expect(page).toHaveTitle(/engine-b/);
    expect((await cli(['context', 'show'])).trim()).toBe('engine-a');

    // Back by the CLI's context of the same engine.
    await page.getByTestId('engine-switcher').click();
    await panel.getByTestId('engine-row-engine-a').click();
    await expect(rowsOf(page, 'marker-a')).toHaveCount(1, { timeout: 1_000 });
    await expect(rowsOf(page, 'marker-b')).toHaveCount(0);
    await expect(page.getByTestId('engine-switcher')).toHaveAttribute('data-engine', 'engine-a');
  });

  test('a log view open on the old engine is closed by a switch made in another tab, and the notice says so', async ({ page, context }) => {
    await docker(['run', '-d', '--init', '--name', 'e2e-switch-logs', 'busybox:latest', 'sh', '-c', 'while true; do echo tick; sleep 1; done']);
    try {
      await signIn(page);
      await page.getByTestId('nav-containers').click();
      await page.locator('[data-testid="container-row"][data-name="e2e-switch-logs"]').getByTestId('container-open').click();
      const details = page.getByTestId('container-details');
      await details.getByTestId('container-details-tab-logs').click();
      await expect(details.getByTestId('logs').getByTestId('logs-status')).toHaveAttribute('data-state', 'streaming');
      const from = await page.getByTestId('engine-switcher').getAttribute('data-engine');
      // Wharf is one for every tab (and the desktop's window): a switch made in another tab switches this one too.
      const other = await context.newPage();
      await signIn(other);
      await other.getByTestId('engine-switcher').click();
      await other.getByTestId('engine-panel').getByTestId('engine-row-engine-b').click();
      await expect(other.getByTestId('engine-switcher')).toHaveAttribute('data-engine', 'engine-b');
      await other.close();
      const banner = page.getByTestId('engine-switched-banner');
      await expect(banner).toContainText('Now using engine-b');
      await expect(banner).toContainText(`A log, terminal or stats view that followed ${from} was closed.`);
      await expect(page.getByTestId('container-details')).toHaveCount(0);
      await expect(page.locator('[data-testid="container-row"][data-name="e2e-switch-logs"]')).toHaveCount(0);
      await page.screenshot({ path: join(SHOTS, 'engines-switched-notice.png'), animations: 'disabled', caret: 'hide' });
      await page.getByTestId('engine-switcher').click();
      await page.getByTestId('engine-panel').getByTestId(`engine-row-${from}`).click();
      await expect(page.locator('[data-testid="container-row"][data-name="e2e-switch-logs"]')).toHaveCount(1);
    } finally {
      await docker(['rm', '-f', 'e2e-switch-logs']);
    }
  });

  test('an ssh host new to the user shows its key\'s fingerprint; trusted with a click, it answers and Wharf switches to it', async ({ page }) => {
    await signIn(page);
    await page.getByTestId('engine-switcher').click();
    const panel = page.getByTestId('engine-panel');
    const prompt = panel.getByTestId('engine-hostkey-engine-ssh');
    await expect(prompt).toContainText(await ssh!.fingerprint());
    await expect(prompt).toContainText(`[127.0.0.1]:${ssh!.port}`);
    await page.screenshot({ path: join(SHOTS, 'engines-ssh-host-key.png'), animations: 'disabled', caret: 'hide' });
    expect(readFileSync(ssh!.knownHosts, 'utf8')).toBe('');
    await prompt.getByTestId('engine-trust-engine-ssh').click();
    await expect(panel.getByTestId('engine-reach-engine-ssh')).toHaveAttribute('data-state', 'connected');
    expect(readFileSync(ssh!.knownHosts, 'utf8')).toBe(`${ssh!.hostKeyLine()}\n`);
    await panel.getByTestId('engine-row-engine-ssh').click();
    await page.getByTestId('nav-images').click();
    await expect(rowsOf(page, 'marker-b')).toHaveCount(1);
    await expect(page.getByTestId('engine-switcher')).toHaveAttribute('data-engine', 'engine-ssh');
    // Its daemon.json is on that host: the Registries page shows what it uses, read-only, and edits nothing here.
    await page.getByTestId('nav-registries').click();
    const remote = page.getByTestId('registry-mirrors-remote');
    await expect(remote).toContainText(`ssh://${ssh!.alias}`);
    await expect(page.getByTestId('registry-mirrors-section')).toHaveCount(0);
    // And the proxy that engine uses, as its docker info says (none set there).
    await expect(remote.getByTestId('registry-proxy-now').locator('dd')).toHaveText(['HTTP proxy: none', 'HTTPS proxy: none', 'No proxy for: none']);
    await page.screenshot({ path: join(SHOTS, 'engines-remote-registries.png'), animations: 'disabled', caret: 'hide' });
    await page.getByTestId('nav-images').click();
    await page.getByTestId('engine-switcher').click();
    await panel.getByTestId('engine-row-default').click();
    await expect(rowsOf(page, 'marker-a')).toHaveCount(1);
  });

  test('an engine added in the dialog is a context the CLI lists; bad input is said at its field; removing it removes it for the CLI', async ({ page }) => {
    await signIn(page);
    await page.getByTestId('engine-switcher').click();
    await page.getByTestId('engine-manage').click();
    const dialog = page.getByTestId('engines-dialog');
    await dialog.getByTestId('engine-add').click();
    await dialog.getByTestId('engine-add-name').fill('a/b');
    await expect(dialog.getByTestId('engine-add-name-problem')).toHaveAttribute('data-problem', 'pattern');
    await dialog.getByTestId('engine-add-name').fill('made-in-wharf');
    await expect(dialog.getByTestId('engine-add-name-problem')).toHaveCount(0);
    await dialog.getByTestId('engine-add-host').fill('ssh://me:secret@build-server');
    await expect(dialog.getByTestId('engine-add-host-problem')).toHaveAttribute('data-problem', 'ssh-password');
    await expect(dialog.getByTestId('engine-add-submit')).toBeDisabled();
    await dialog.getByTestId('engine-add-host').fill(b!.host);
    await dialog.getByTestId('engine-add-description').fill('added from the dialog');
    await expect(dialog.getByTestId('engine-add-command')).toContainText(`docker context create made-in-wharf --description 'added from the dialog' --docker host=${b!.host}`);
    await page.screenshot({ path: join(SHOTS, 'engines-add.png'), animations: 'disabled', caret: 'hide' });
    await dialog.getByTestId('engine-add-submit').click();
    await expect(dialog.getByTestId('engines-table-row-made-in-wharf')).toBeVisible();
    expect(await cli(['context', 'ls', '--format', '{{.Name}} {{.DockerEndpoint}} {{.Description}}'])).toContain(`made-in-wharf ${b!.host} added from the dialog`);
    expect(await cli(['--context', 'made-in-wharf', 'image', 'ls', '--format', '{{.Repository}}'])).toBe('marker-b\n');

    // The engine in use and the CLI's "default" cannot be removed; the button says why.
    await expect(dialog.getByTestId('engine-remove-default')).toBeDisabled();
    await dialog.getByTestId('engine-remove-made-in-wharf').click();
    await page.screenshot({ path: join(SHOTS, 'engines-remove.png'), animations: 'disabled', caret: 'hide' });
    await dialog.getByTestId('engine-remove-confirm-made-in-wharf').click();
    await expect(dialog.getByTestId('engines-table-row-made-in-wharf')).toHaveCount(0);
    expect(await cli(['context', 'ls', '--format', '{{.Name}}'])).not.toContain('made-in-wharf');
  });

  test.describe('in zh-CN', () => {
    test.use({ locale: 'zh-CN' });
    test('the switcher reads Chinese', async ({ page }) => {
      await signIn(page);
      await page.getByTestId('engine-switcher').click();
      const panel = page.getByTestId('engine-panel');
      await expect(panel).toContainText('引擎');
      await expect(panel.getByTestId('engine-reach-engine-b')).toHaveAttribute('data-state', 'connected');
      await expect(panel).toContainText('同时设为 docker CLI 的当前上下文');
      await page.screenshot({ path: join(SHOTS, 'zh-CN-engines-switcher.png'), animations: 'disabled', caret: 'hide' });
    });
  });
});
