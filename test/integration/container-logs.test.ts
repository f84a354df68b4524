/**
 * Container logs on disk (issue 19): sizes measured through the engine (a probe container that is never started,
 * so no root is needed to read them), equal to the files' own sizes; a driver that keeps no local file says so;
 * rotated files count. Truncation empties them for a running container, which keeps running, and `docker logs`
 * shows nothing older; a container removed since the preview is skipped; web mode (no root) only shows the command
 * and touches nothing. The probe never shows as the user's: not in lists, and gone afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { homedir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createDockerodeClient } from '../../src/main/core/engine/docker-client';
import { createDirectRunner } from '../../src/main/core/privilege/privilege-runner';
import type { TruncateLogsResult } from '../../src/shared/container-logs';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { call, makeCore } from './make-core';

const IMAGE = 'logs-test/busybox:1';
// 42,000 lines of 71 bytes: 2,982,000 bytes on stdout, more than 3 MB in json-file's JSON lines.
const CHATTY = ['sh', '-c', 'yes 0123456789012345678901234567890123456789012345678901234567890123456789 | head -n 42000; echo done; sleep 3600'];

/** The json-file logs of a container as the files say: the current one and rotated ones, summed (root reads them). */
function filesSize(logPath: string): number {
  const dir = path.dirname(logPath);
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(path.basename(logPath)))
    .reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

describe('container logs', () => {
  let engine: PrivateEngine;
  let web: Core;
  let desktop: Core;
  let chatty = '';
  let rotating = '';
  let silent = '';

  const logPathOf = async (id: string): Promise<string> => (await engine.cliOk(['inspect', '-f', '{{.LogPath}}', id])).stdout.trim();
  const doneWriting = async (id: string): Promise<void> => {
    const deadline = Date.now() + 60_000;
    while ((await engine.cliOk(['logs', '--tail', '1', id])).stdout.trim() !== 'done') {
      if (Date.now() > deadline) throw new Error(`${id} did not finish writing its log`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'logs' });
    await importBusybox(engine, IMAGE);
    chatty = await runContainer(engine, ['--name', 'chatty', IMAGE, ...CHATTY]);
    rotating = await runContainer(engine, ['--name', 'rotating', '--log-opt', 'max-size=1m', '--log-opt', 'max-file=3', IMAGE, ...CHATTY]);
    silent = await runContainer(engine, ['--name', 'silent', '--log-driver', 'none', IMAGE, ...CHATTY]);
    await Promise.all([doneWriting(chatty), doneWriting(rotating)]);
    web = makeCore(engine.host);
    desktop = createCore({
      app: { version: 'test', mode: 'desktop', platform: process.platform },
      dockerHost: engine.host,
      env: { PATH: process.env.PATH },
      paths: { home: homedir() },
      clock: systemClock,
      createDockerClient: createDockerodeClient,
      privilegeRunner: createDirectRunner(),
      backoff: { initialMs: 200, maxMs: 1000 },
    });
    await Promise.all([web.start(), desktop.start()]);
  }, 180_000);

  afterAll(async () => {
    web?.stop();
    desktop?.stop();
    await engine?.destroy();
  });

  it('measures each container`s log files through the engine: the files` own sizes, rotated ones included; none for a driver without files', async () => {
    const usage = await call(web, 'containers.logUsage', {});
    const byName = new Map(usage.rows.map((r) => [r.name, r]));
    const chattyPath = await logPathOf(chatty);
    expect(byName.get('chatty')?.bytes).toBeGreaterThanOrEqual(3_000_000);
    expect(byName.get('chatty')).toMatchObject({ id: chatty, driver: 'json-file', bytes: filesSize(chattyPath), unlimited: true });
    const rotatingPath = await logPathOf(rotating);
    expect(fs.readdirSync(path.dirname(rotatingPath)).filter((n) => n.includes('-json.log.')).length, 'it rotated').toBeGreaterThan(0);
    expect(byName.get('rotating')).toMatchObject({ bytes: filesSize(rotatingPath), unlimited: false, options: { 'max-size': '1m', 'max-file': '3' } });
    expect(byName.get('silent')).toMatchObject({ id: silent, driver: 'none', bytes: null });
    expect(usage.total).toBe((byName.get('chatty')?.bytes ?? 0) + (byName.get('rotating')?.bytes ?? 0));
    // Largest first.
    expect(usage.rows.map((r) => r.name)).toEqual(['chatty', 'rotating', 'silent']);
    // The probe is gone.
    expect((await engine.cliOk(['ps', '-a', '--filter', 'label=io.wharf.probe', '--format', '{{.Names}}'])).stdout).toBe('');
    expect((await engine.cliOk(['image', 'ls', '--format', '{{.Repository}}', 'wharf-probe'])).stdout).toBe('');
  }, 60_000);

  it('probes at the same time (two pages measuring logs at once) each leave nothing behind: not even an untagged image', async () => {
    // What an earlier Wharf left when two probes shared one tag: an untagged image with the probe's label.
    await engine.cliOk(['import', '--change', 'LABEL io.wharf.probe=1', '-'], { input: Buffer.alloc(1024) });
    const answers = await Promise.all(Array.from({ length: 4 }, () => call(web, 'containers.logUsage', {})));
    for (const usage of answers) expect(usage.rows.map((r) => r.name)).toEqual(['chatty', 'rotating', 'silent']);
    expect((await engine.cliOk(['ps', '-a', '-q', '--filter', 'label=io.wharf.probe'])).stdout).toBe('');
    // -a: an untagged probe image is not listed without it (nor by the repository name it lost).
    expect((await engine.cliOk(['image', 'ls', '-a', '-q', '--filter', 'label=io.wharf.probe'])).stdout).toBe('');
  }, 60_000);

  it('a probe is never one of the user`s objects: not in the lists, counts or disk usage', async () => {
    // One left as a crash would leave it (made by the CLI, with the probe's label).
    await engine.cliOk(['import', '--change', 'LABEL io.wharf.probe=1', '-', 'wharf-probe:1'], { input: Buffer.alloc(1024) });
    const left = (await engine.cliOk(['create', '--label', 'io.wharf.probe=1', '--name', 'wharf-probe-left', 'wharf-probe:1', 'x'])).stdout.trim();
    try {
      expect((await call(web, 'containers.list', { all: true })).rows.map((r) => r.name)).not.toContain('wharf-probe-left');
      expect((await call(web, 'images.list', { filters: {}, all: true })).rows.map((r) => `${r.repository}:${r.tag}`)).not.toContain('wharf-probe:1');
      // The counts are the user's objects only (the CLI's own, without the probe's label).
      const count = async (args: string[]): Promise<number> => (await engine.cliOk(args)).stdout.split('\n').filter((l) => l !== '').length;
      const df = await call(web, 'system.df', {});
      const probes = await count(['ps', '-aq', '--filter', 'label=io.wharf.probe']);
      expect(probes).toBe(1);
      expect(df.rows.find((r) => r.kind === 'containers')?.total).toBe((await count(['ps', '-aq'])) - probes);
      expect(df.rows.find((r) => r.kind === 'images')?.total).toBe((await count(['image', 'ls', '-q'])) - (await count(['image', 'ls', '-q', '--filter', 'label=io.wharf.probe'])));
    } finally {
      await engine.cliOk(['rm', '-f', left]);
      await engine.cliOk(['rmi', 'wharf-probe:1']);
    }
  }, 60_000);

  it('asked for some containers, answers those', async () => {
    const usage = await call(web, 'containers.logUsage', { ids: [silent] });
    expect(usage.rows.map((r) => r.id)).toEqual([silent]);
  });

  it('web mode (no root): the truncation is the command to run as root, and nothing is truncated', async () => {
    const before = filesSize(await logPathOf(chatty));
    const task = await web.tasks.settled((await call(web, 'containers.truncateLogs', { ids: [chatty] })).id);
    expect(task.state).toBe('failed');
    expect(task.error?.code).toBe('unsupported');
    const commands = (task.error?.details as { commands: string[][] }).commands;
    expect(commands).toEqual([[expect.stringMatching(/\/truncate$/), '-s', '0', '--', await logPathOf(chatty)]]);
    expect(filesSize(await logPathOf(chatty))).toBe(before);
  }, 60_000);

  it('truncates a running container`s logs (rotated ones too): docker logs shows nothing older, it keeps running; a removed one is skipped', async () => {
    const gone = await runContainer(engine, [IMAGE, 'true']);
    await engine.cliOk(['rm', '-f', gone]);
    const startedAt = (await engine.cliOk(['inspect', '-f', '{{.State.StartedAt}}', chatty])).stdout.trim();
    const preview = await call(desktop, 'containers.logUsage', { ids: [chatty, rotating] });
    const task = await desktop.tasks.settled((await call(desktop, 'containers.truncateLogs', { ids: [chatty, rotating, silent, gone] })).id);
    expect(task.error).toBeUndefined();
    const result = task.result as TruncateLogsResult;
    expect(result.items.map((i) => [i.name, i.outcome, i.reason])).toEqual([
      ['chatty', 'truncated', undefined],
      ['rotating', 'truncated', undefined],
      ['silent', 'skipped', 'no-local-file'],
      [gone, 'skipped', 'gone'],
    ]);
    expect(result.freed).toBe(preview.total);

    for (const id of [chatty, rotating]) {
      const logs = await engine.cliOk(['logs', id]);
      expect(logs.stdout + logs.stderr, 'docker logs shows nothing older').toBe('');
      expect(filesSize(await logPathOf(id))).toBe(0);
    }
    expect((await engine.cliOk(['inspect', '-f', '{{.State.Running}} {{.State.StartedAt}}', chatty])).stdout.trim()).toBe(`true ${startedAt}`);
    // What it writes next is logged as before.
    await engine.cliOk(['exec', chatty, 'sh', '-c', 'echo after > /proc/1/fd/1']);
    await expect.poll(async () => (await engine.cliOk(['logs', chatty])).stdout.trim()).toBe('after');
  }, 60_000);
});
