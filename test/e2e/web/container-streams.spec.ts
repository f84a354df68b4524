import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { docker, openPage } from '../support/e2e-env';
import { SHOTS } from '../support/screenshot';

/** Every container this spec creates starts with this; only those are removed. */
const PREFIX = 'e2e-streams-';
/** A running container with a 64 MiB memory limit, so the limit the stats show is known. */
const BOX = `${PREFIX}box`;
const FLOOD = `${PREFIX}flood`;
/** What the viewer keeps (use-log-stream's MAX_LINES). */
const MAX_LOG_LINES = 50_000;

async function openDetails(page: Page, name: string): Promise<Locator> {
  await openPage(page, 'containers');
  await expect(page.getByTestId('containers-table')).toBeVisible();
  await page.locator(`[data-testid="container-row"][data-name="${name}"]`).getByTestId('container-open').click();
  const details = page.getByTestId('container-details');
  await expect(details.locator('#dialog-title')).toContainText(name);
  return details;
}

async function removeMine(): Promise<void> {
  const { stdout } = await docker(['ps', '-a', '--format', '{{.Names}}', '--filter', `name=^${PREFIX}`]);
  const names = stdout.split('\n').filter((n) => n.startsWith(PREFIX));
  if (names.length > 0) await docker(['rm', '-f', ...names]);
}

/** Writes a line into the container's log as its main process would: to PID 1's stdout (fd 1) or stderr (fd 2). */
async function writeLog(name: string, fd: 1 | 2, text: string): Promise<void> {
  await docker(['exec', name, 'sh', '-c', `echo '${text}' > /proc/1/fd/${fd}`]);
}

async function shot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, file), animations: 'disabled', caret: 'hide' });
}

test.describe.configure({ mode: 'serial' });

test.describe('Container logs, terminal and stats', () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    mkdirSync(SHOTS, { recursive: true });
    await removeMine();
    await docker(['run', '-d', '--init', '--name', BOX, '--memory', '64m', 'busybox:latest', 'sh', '-c', 'for i in 1 2 3 4 5 6; do echo "boot step $i of 6"; done; echo "boot warning: no config file" >&2; exec sleep 600']);
  });

  test.afterAll(async () => {
    await removeMine();
  });

  test('logs: lines written after the viewer opens appear, stderr is marked, search highlights', async ({ page }) => {
    const details = await openDetails(page, BOX);
    await details.getByTestId('container-details-tab-logs').click();
    const logs = details.getByTestId('logs');
    const lines = logs.getByTestId('log-line');
    // What the container printed before the viewer opened.
    await expect(lines.filter({ hasText: 'boot step 6 of 6' })).toHaveCount(1);
    await expect(logs.getByTestId('logs-status')).toHaveAttribute('data-state', 'streaming');

    // Now, with the viewer open, the container writes more: the followed log shows it without a reload.
    const marker = `marker-${randomBytes(4).toString('hex')}`;
    await writeLog(BOX, 1, `${marker} out`);
    await writeLog(BOX, 2, `${marker} err`);
    const out = lines.filter({ hasText: `${marker} out` });
    const err = lines.filter({ hasText: `${marker} err` });
    await expect(out).toHaveCount(1);
    await expect(err).toHaveCount(1);
    // stderr is told apart from stdout, as data and as what a user sees (a coloured bar and background).
    await expect(out).toHaveAttribute('data-stream', 'stdout');
    await expect(err).toHaveAttribute('data-stream', 'stderr');
    await expect(lines.filter({ hasText: 'boot warning: no config file' })).toHaveAttribute('data-stream', 'stderr');
    const background = async (l: Locator): Promise<string> => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background(err)).not.toBe(await background(out));
    await expect(logs.getByTestId('logs-status')).toContainText('9 lines');

    // Search: the two marker lines match, and in each the matched text is highlighted.
    await logs.getByTestId('logs-search').fill(marker);
    await expect(logs.getByTestId('logs-matches')).toHaveText('2 matching lines');
    await expect(out.locator('mark')).toHaveText(marker);
    await expect(err.locator('mark')).toHaveText(marker);
    await expect(lines.filter({ hasText: 'boot step 1 of 6' }).locator('mark')).toHaveCount(0);
    await logs.getByTestId('logs-only-matches').check();
    await expect(lines).toHaveCount(2);
    await logs.getByTestId('logs-only-matches').uncheck();
    await expect(lines).toHaveCount(9);
    await logs.getByTestId('logs-search').blur();
    await shot(page, 'containers-logs.png');
  });

  test('logs: a container printing thousands of lines a second keeps the viewer usable and its memory bounded', async ({ page }) => {
    test.setTimeout(90_000);
    // As fast as busybox sh can echo; the engine's own log file is capped so the run does not fill the disk.
    await docker(['run', '-d', '--init', '--name', FLOOD, '--log-opt', 'max-size=8m', '--log-opt', 'max-file=2', 'busybox:latest', 'sh', '-c', 'i=0; while :; do i=$((i+1)); echo "flood line $i"; done']);
    try {
      const details = await openDetails(page, FLOOD);
      await details.getByTestId('container-details-tab-logs').click();
      const logs = details.getByTestId('logs');
      const status = logs.getByTestId('logs-status');
      const kept = async (): Promise<number> => Number(((await status.locator('span').first().textContent()) ?? '').replace(/\D/g, ''));
      // Thousands of lines arrive, but the page holds only the rows in view.
      await expect.poll(kept, { timeout: 20_000 }).toBeGreaterThan(5_000);
      expect(await logs.getByTestId('log-line').count()).toBeLessThan(200);
      // Memory is bounded: past the cap the oldest lines go and the viewer says how many were not kept.
      await expect(status.locator('.chip--warning')).toBeVisible({ timeout: 45_000 });
      for (let i = 0; i < 3; i += 1) expect(await kept()).toBeLessThanOrEqual(MAX_LOG_LINES);
      // And it still answers the user: a search highlights while the flood goes on (the lines kept turn over fast).
      await logs.getByTestId('logs-search').fill('flood line');
      await expect(logs.getByTestId('logs-matches')).toHaveText(/^[1-9]\d* matching lines?$/);
      await expect(logs.getByTestId('log-line').first().locator('mark')).toHaveText('flood line');
      await details.getByTestId('dialog-close').click();
      await expect(details).toBeHidden();
    } finally {
      await docker(['rm', '-f', FLOOD]);
    }
  });

  test('terminal: a shell runs what is typed; a command that is not there says so', async ({ page }) => {
    const details = await openDetails(page, BOX);
    await details.getByTestId('container-details-tab-terminal').click();
    await expect(details.getByTestId('terminal-shell')).toHaveValue('sh');
    await details.getByTestId('terminal-connect').click();
    const status = details.getByTestId('terminal-status');
    await expect(status).toHaveAttribute('data-state', 'open');
    const screen = details.getByTestId('exec-terminal').locator('.xterm-rows');
    // The prompt of busybox sh (root's "/ # ") shows that the shell is waiting.
    await expect(screen).toContainText('#');
    await page.keyboard.type('echo hi-$((6*7))');
    await page.keyboard.press('Enter');
    // The typed line echoes back as typed; only the shell running it prints 42.
    await expect(screen).toContainText('echo hi-$((6*7))');
    await expect(screen).toContainText('hi-42');
    await shot(page, 'containers-terminal.png');

    // exit ends the shell: the status line gives its exit code.
    await page.keyboard.type('exit 3');
    await page.keyboard.press('Enter');
    await expect(status).toHaveAttribute('data-state', 'exited');
    await expect(status).toContainText('exit code 3');

    // A command the container does not have: a clear message naming it, not a silent black box.
    await details.getByTestId('terminal-shell').selectOption('custom');
    await details.getByTestId('terminal-command').fill('/nope');
    await details.getByTestId('terminal-connect').click();
    await expect(status).toHaveAttribute('data-state', 'failed');
    await expect(status).toContainText('“/nope” is not in this container.');
    await expect(status).toContainText('many small images have only sh');
  });

  test('stats: CPU, memory against its limit, network and block I/O, as docker stats reports them', async ({ page }) => {
    // The stats stream as the page and the server speak it over the web socket: opened, fed, and ended.
    const wire = { sid: '', samples: 0, closed: false, ended: false, afterEnd: 0 };
    page.on('websocket', (ws) => {
      ws.on('framesent', ({ payload }) => {
        const m = JSON.parse(String(payload)) as { op?: string; sid?: string; name?: string };
        if (m.op === 'open' && m.name === 'containers.stats') wire.sid = m.sid ?? '';
        if (m.op === 'close' && m.sid === wire.sid) wire.closed = true;
      });
      ws.on('framereceived', ({ payload }) => {
        const m = JSON.parse(String(payload)) as { type?: string; sid?: string };
        if (m.sid === undefined || m.sid !== wire.sid) return;
        if (m.type === 'stream.end') wire.ended = true;
        else if (m.type === 'stream.data' && wire.ended) wire.afterEnd++;
        else if (m.type === 'stream.data') wire.samples++;
      });
    });
    const details = await openDetails(page, BOX);
    await details.getByTestId('container-details-tab-stats').click();
    const stats = details.getByTestId('stats');
    await expect(stats.getByTestId('stats-cpu')).toContainText(/\d+\.\d\d%/);
    const memory = stats.getByTestId('stats-memory');
    await expect(memory).toContainText(/[\d.]+[KMG]?i?B \/ 64MiB/);
    // The CLI gives the same limit.
    const cli = (await docker(['stats', '--no-stream', '--format', '{{.MemUsage}}', BOX])).stdout.trim();
    const cliLimit = cli.split(' / ')[1];
    expect(cliLimit).toBe('64MiB');
    const shownLimit = ((await memory.getByTestId('stats-memory-value').textContent()) ?? '').split(' / ')[1];
    expect(shownLimit).toBe(cliLimit);
    await expect(memory).toContainText(/\d+\.\d\d%/);
    await expect(stats.getByTestId('stats-net')).toContainText(/\d[\d.]*[kMG]?B \/ \d[\d.]*[kMG]?B/);
    await expect(stats.getByTestId('stats-block')).toContainText(/\d[\d.]*[kMG]?B \/ \d[\d.]*[kMG]?B/);
    await expect(stats.getByTestId('stats-pids')).toContainText(/\d+/);
    // The sparklines draw once a few samples arrived.
    await expect(stats.getByTestId('stats-cpu').locator('polyline')).toHaveCount(1, { timeout: 15_000 });
    await shot(page, 'containers-stats.png');

    // Leaving the tab stops the stream: the page closes it and the server confirms its end.
    expect(wire.samples).toBeGreaterThan(1);
    await details.getByTestId('container-details-tab-logs').click();
    await expect.poll(() => wire.closed).toBe(true);
    await expect.poll(() => wire.ended).toBe(true);
    // A fresh log line takes a round trip through the engine; no stats sample came in meanwhile.
    const marker = `after-stats-${randomBytes(4).toString('hex')}`;
    await writeLog(BOX, 1, marker);
    await expect(details.getByTestId('log-line').filter({ hasText: marker })).toHaveCount(1);
    expect(wire.afterEnd).toBe(0);
  });
});
