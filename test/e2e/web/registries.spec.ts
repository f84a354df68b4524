/**
 * The Registries page end to end, through web mode against the e2e private engine: choose the DaoCloud preset and a
 * custom mirror (a private registry on loopback holding library/busybox), speed-test only the loopback mirror (no
 * test ever sends traffic beyond loopback), put it first, review the daemon.json change, run the commands web mode
 * shows as root (it never runs them itself) — they stop before writing when the file changed since Wharf read it,
 * and reload through dockerd's pidfile, no pid in the text — check that the engine uses both mirrors in that order
 * with its running container untouched, and see them on the Dashboard. The engine's original daemon.json is put back
 * at the end.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { importBusybox, pushToRegistry, runContainer } from '../../support/fixtures';
import { startPrivateRegistry, type PrivateRegistry } from '../../support/registry-harness';
import { SHOTS, screenshotWholeContent } from '../support/screenshot';
import { docker, e2eEnv, fixtureEngine, openPage } from '../support/e2e-env';

const DAOCLOUD = 'https://docker.m.daocloud.io';
const IMAGE = 'e2e-reg/busybox:latest';
const KEEPER = 'e2e-reg-keeper';
/** The machine's own engine configuration: never touched (checked before and after). */
const SYSTEM_DAEMON_JSON = '/etc/docker/daemon.json';
/** The only programs the shown commands may run as root. */
const ALLOWED_BINARIES = ['sha256sum', 'cp', 'dd', 'chmod', 'mv', 'sync', 'pkill'].flatMap((name) => [`/usr/bin/${name}`, `/bin/${name}`]);

test.describe.configure({ mode: 'serial' });

let registry: PrivateRegistry | undefined;
let scratch = '';
let originalConfig = '';
let originalMirrors: string[] = [];
let systemConfigBefore: string | undefined;

async function engineMirrors(): Promise<string[]> {
  return JSON.parse((await docker(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).stdout) as string[];
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The commands the review shows, one string each (a here-document stays inside its command), without the prompt. */
async function shownCommands(page: Page): Promise<string[]> {
  const block = page.getByTestId('registry-plan-commands');
  await expect(block).toBeVisible();
  return (await block.locator('code').allTextContents()).map((text) => text.replace(/^#\s*/, ''));
}

/**
 * What root is asked to run touches only the private engine: first `sha256sum -c` of its daemon.json against the
 * hash of the bytes Wharf read, then its daemon.json's folder only, and last a SIGHUP through its dockerd's pidfile
 * (no pid copied into the text). Answers the new file the dd here-document carries.
 */
function checkCommands(commands: string[], configPath: string, original: string, pid: number): string {
  const dir = dirname(configPath);
  let newText: string | undefined;
  for (const command of commands) {
    const [firstLine = '', ...rest] = command.split('\n');
    const argv = firstLine.replace(/ <<'WHARF_EOF'$/, '').split(' ');
    const binary = argv[0] ?? '';
    expect(ALLOWED_BINARIES, command).toContain(binary);
    expect(argv, 'no pid in the text').not.toContain(String(pid));
    if (binary.endsWith('/pkill')) {
      expect(argv.slice(1), 'the reload signals the private dockerd through its pidfile').toEqual(['--signal', 'HUP', '--pidfile', `${dir}/docker.pid`, '--euid', '0']);
      continue;
    }
    for (const arg of argv.slice(1)) {
      const path = arg.replace(/^(of=|--reference=)/, '');
      if (path.startsWith('/')) expect(path === dir || path.startsWith(`${dir}/`), `${command}: ${path} is outside ${dir}`).toBe(true);
    }
    if (binary.endsWith('/dd')) {
      expect(rest.at(-1)).toBe('WHARF_EOF');
      newText = rest.slice(0, -1).join('\n');
    }
  }
  expect(commands[0], 'first: is the file still what Wharf read?').toBe(
    `/usr/bin/sha256sum --check --strict --quiet <<'WHARF_EOF'\n${createHash('sha256').update(original).digest('hex')}  ${configPath}\nWHARF_EOF`,
  );
  expect(commands.at(-1)?.split(' ')[0], 'the reload comes last').toMatch(/\/pkill$/);
  if (newText === undefined) throw new Error('no dd command writes the new file');
  return newText;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const env = e2eEnv();
  originalConfig = readFileSync(env.daemonConfigPath, 'utf8');
  originalMirrors = await engineMirrors();
  systemConfigBefore = readIfExists(SYSTEM_DAEMON_JSON);
  scratch = mkdtempSync(join(tmpdir(), 'wharf-e2e-registries-'));
  const engine = fixtureEngine(scratch);
  // The custom mirror: a registry on loopback that holds library/busybox, like Docker Hub would.
  registry = await startPrivateRegistry({ accessLog: true });
  await importBusybox(engine, IMAGE);
  const pushed = await pushToRegistry(engine, registry, IMAGE, 'library/busybox:latest');
  await docker(['rmi', pushed]);
  // A container that runs through the change: a reload must not touch it.
  await runContainer(engine, ['--name', KEEPER, IMAGE, 'sleep', '3600']);
});

test.afterAll(async () => {
  // Later specs share this engine: its original daemon.json back, reloaded, and the original mirrors in effect.
  const env = e2eEnv();
  if (originalConfig !== '' && readFileSync(env.daemonConfigPath, 'utf8') !== originalConfig) {
    // A reload leaves settings the file does not name as they are: name the original mirrors, reload, then put the
    // original bytes back (which the engine now matches).
    const mirrors = originalMirrors.map((m) => m.replace(/\/+$/, ''));
    writeFileSync(env.daemonConfigPath, `${JSON.stringify({ ...JSON.parse(originalConfig), 'registry-mirrors': mirrors }, null, 2)}\n`);
    process.kill(env.dockerdPid, 'SIGHUP');
    await expect.poll(engineMirrors, { timeout: 20_000 }).toEqual(originalMirrors);
    writeFileSync(env.daemonConfigPath, originalConfig);
  }
  await docker(['rm', '-f', KEEPER]).catch(() => undefined);
  await docker(['rmi', IMAGE]).catch(() => undefined);
  await registry?.destroy();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('DaoCloud + a loopback mirror: speed test of the loopback one only, applied to the engine, shown on the Dashboard', async ({ page }) => {
  test.setTimeout(120_000);
  if (!registry) throw new Error('beforeAll did not finish');
  const env = e2eEnv();
  const mirrorUrl = registry.url;
  const containerStartedAt = (await docker(['inspect', '-f', '{{.State.StartedAt}}', KEEPER])).stdout.trim();

  await openPage(page, 'registries');
  const section = page.getByTestId('registry-mirrors-section');
  // Web mode edits the private engine's file, and says it only shows the commands.
  await expect(section.getByTestId('registry-file')).toContainText(env.daemonConfigPath);
  await expect(section.getByTestId('registry-file')).toContainText('run the commands it shows as root');

  // 1. DaoCloud, then a custom mirror: the private registry.
  await page.getByTestId('registry-preset-daocloud').click();
  await expect(page.getByTestId('registry-preset-daocloud')).toContainText(DAOCLOUD);
  await page.getByTestId('registry-mirror-add-button').click();
  await page.getByTestId('registry-preset-custom').click();
  await page.getByTestId('registry-mirror-input').fill(mirrorUrl);
  await page.getByTestId('registry-mirror-add-button').click();
  const entries = page.getByTestId('registry-mirrors-list').getByTestId('registry-mirrors-entry');
  await expect(entries.locator('.registry-mirrors-entries__value')).toHaveText([DAOCLOUD, mirrorUrl]);
  await expect(entries.getByRole('alert')).toHaveCount(0);

  // 2. Speed test: the list comes from the mirrors; DaoCloud is taken off it before anything runs.
  await page.getByTestId('registry-mirrors-test-speed').click();
  const speedList = page.getByTestId('speed-mirrors');
  await expect(speedList.locator('code')).toHaveText([DAOCLOUD, mirrorUrl]);
  await speedList.getByRole('button', { name: `Remove ${DAOCLOUD}` }).click();
  await expect(speedList.locator('code'), 'only the loopback mirror is tested').toHaveText([mirrorUrl]);
  const logBefore = (await registry.logs()).length;
  await page.getByTestId('speed-run').click();
  const rows = page.getByTestId('speed-results').getByTestId('speed-row');
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await expect(rows.first()).toHaveAttribute('data-outcome', 'ok');
  await expect(rows.first()).toContainText(mirrorUrl);
  await expect(rows.first().locator('td').nth(3)).toHaveText(/^\d+ ms$/);
  // The registry really answered the test: the ping, the manifest and a blob.
  const served = (await registry.logs()).slice(logBefore);
  expect(served).toMatch(/"GET \/v2\/ HTTP\/1\.1" 200/);
  expect(served).toMatch(/"(HEAD|GET) \/v2\/library\/busybox\/manifests\/latest HTTP\/1\.1" 200/);
  await screenshotWholeContent(page, join(SHOTS, 'registries-speed-test.png'));

  // The working mirror first: the draft is reordered (not applied yet).
  await page.getByTestId('speed-use-order').click();
  await expect(entries.locator('.registry-mirrors-entries__value')).toHaveText([mirrorUrl, DAOCLOUD]);

  // 3. Review: the diff adds both mirrors in that order; web mode shows the commands for root to run.
  await page.getByTestId('registry-review').click();
  const dialog = page.getByTestId('registry-apply-dialog');
  await expect(dialog).toBeVisible();
  const diff = dialog.getByTestId('registry-plan-diff');
  await expect(diff.locator('.registry-mirrors-diff__line--add')).toContainText([/"registry-mirrors": \[/, `"${mirrorUrl}"`, `"${DAOCLOUD}"`]);
  await expect(diff.locator('.registry-mirrors-diff__line--remove')).toHaveCount(0);
  await expect(dialog.getByTestId('registry-apply-confirm')).toHaveCount(0);
  await expect(dialog.getByTestId('registry-manual-check')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'registries-mirrors.png'), animations: 'disabled', caret: 'hide' });

  const commands = await shownCommands(page);
  const newText = checkCommands(commands, env.daemonConfigPath, originalConfig, env.dockerdPid);
  expect(JSON.parse(newText)).toEqual({ ...JSON.parse(originalConfig), 'registry-mirrors': [mirrorUrl, DAOCLOUD] });
  // Every other byte of the file stays: the original with the key added before its closing brace.
  expect(`${newText}\n`).toBe(originalConfig.replace(/\n}\n$/, `,\n  "registry-mirrors": [\n    "${mirrorUrl}",\n    "${DAOCLOUD}"\n  ]\n}\n`));

  // Changed by someone else since Wharf read it: the commands stop at the first one and write nothing.
  const entriesBefore = readdirSync(dirname(env.daemonConfigPath)).sort();
  writeFileSync(env.daemonConfigPath, `${originalConfig}\n`);
  const refused = (() => {
    try {
      execFileSync('/bin/sh', ['-e', '-c', commands.join('\n')], { stdio: 'pipe' });
      return undefined;
    } catch (error) {
      return String((error as { stdout?: Buffer }).stdout);
    }
  })();
  expect(refused, 'the commands stop at the hash check').toBe(`${env.daemonConfigPath}: FAILED\n`);
  expect(readFileSync(env.daemonConfigPath, 'utf8')).toBe(`${originalConfig}\n`);
  expect(readdirSync(dirname(env.daemonConfigPath)).sort(), 'no backup, no temp file').toEqual(entriesBefore);
  writeFileSync(env.daemonConfigPath, originalConfig);

  // Root runs exactly what is shown.
  execFileSync('/bin/sh', ['-e', '-c', commands.join('\n')]);
  expect(readFileSync(env.daemonConfigPath, 'utf8')).toBe(`${newText}\n`);

  // "I ran them: check" until the engine has reloaded.
  const result = dialog.getByTestId('registry-manual-result');
  await expect(async () => {
    await dialog.getByTestId('registry-manual-check').click();
    await expect(result).toHaveAttribute('data-verdict', 'in-effect', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(result.locator('li')).toHaveText([mirrorUrl, DAOCLOUD]);
  await page.screenshot({ path: join(SHOTS, 'registries-applied.png'), animations: 'disabled', caret: 'hide' });

  // The engine: both mirrors in that order, the same dockerd (a reload), the container still running since before.
  expect(await engineMirrors()).toEqual([`${mirrorUrl}/`, `${DAOCLOUD}/`]);
  expect(readFileSync(`/proc/${env.dockerdPid}/comm`, 'utf8').trim()).toBe('dockerd');
  expect((await docker(['inspect', '-f', '{{.State.Running}} {{.State.StartedAt}}', KEEPER])).stdout.trim()).toBe(`true ${containerStartedAt}`);
  expect(readIfExists(SYSTEM_DAEMON_JSON), 'the machine’s daemon.json is untouched').toBe(systemConfigBefore);

  // Closed, the page reads the file again: both entries saved and in effect, nothing left to review.
  await dialog.getByTestId('registry-apply-close').click();
  await expect(dialog).toHaveCount(0);
  await expect(entries.locator('.registry-mirrors-entries__value')).toHaveText([mirrorUrl, DAOCLOUD]);
  await expect(entries.locator('.chip--success')).toHaveCount(2);
  await expect(page.getByTestId('registry-review')).toBeDisabled();

  // 4. The Dashboard shows what the engine uses, in order.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('page-dashboard')).toBeVisible();
  const facts = page.getByTestId('fact-registryMirrors');
  await expect(facts).toHaveAttribute('data-count', '2');
  await expect(facts.locator('li')).toHaveText([`${mirrorUrl}/`, `${DAOCLOUD}/`]);
  await screenshotWholeContent(page, join(SHOTS, 'dashboard-mirrors.png'));
});
