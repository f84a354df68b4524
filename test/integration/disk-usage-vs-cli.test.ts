import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { toCliRow } from '../../src/shared/disk-usage';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { buildImage, importBusybox, runContainer } from '../support/fixtures';
import { call, makeCore, recordEvents } from './make-core';

/** `docker system df --format '{{json .}}'` parsed into its four rows. */
async function cliDf(engine: PrivateEngine): Promise<Array<Record<string, string>>> {
  const { stdout } = await engine.cliOk(['system', 'df', '--format', '{{json .}}']);
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, string>);
}

describe('system.df equals `docker system df` on the same engine', () => {
  let engine: PrivateEngine;
  let core: Core;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'df' });
    core = makeCore(engine.host);
    await core.start();
  });

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('on an empty engine', async () => {
    const summary = await call(core, 'system.df');
    expect(summary.rows.map(toCliRow)).toEqual(await cliDf(engine));
  });

  it('on a seeded engine: shared layers, dangling images, running/paused/stopped containers with writes, volumes, build cache', async () => {
    await importBusybox(engine);
    // Two images on top of busybox share its layer; rebuilding a tag leaves a dangling <none> image.
    await buildImage(engine, 'app:1', 'FROM busybox\nRUN dd if=/dev/zero of=/blob bs=1k count=300\n');
    await buildImage(engine, 'tool:1', 'FROM busybox\nRUN echo one > /v\n');
    await buildImage(engine, 'tool:1', 'FROM busybox\nRUN echo two > /v\n');
    // BuildKit (Debian's CLI) leaves build-cache records.
    await buildImage(engine, 'cached:1', 'FROM busybox\nRUN dd if=/dev/zero of=/c bs=1k count=120\n', { buildkit: true });

    const running = await runContainer(engine, ['-v', 'data-used:/data', 'app:1', 'sh', '-c', 'dd if=/dev/zero of=/data/f bs=1k count=200; dd if=/dev/zero of=/w bs=1k count=50; sleep 600']);
    const paused = await runContainer(engine, ['busybox', 'sh', '-c', 'dd if=/dev/zero of=/p bs=1k count=30; sleep 600']);
    await engine.cliOk(['run', '--name', 'stopped-writer', '-v', 'data-unused:/d', 'busybox', 'sh', '-c', 'dd if=/dev/zero of=/x bs=1k count=70; dd if=/dev/zero of=/d/f bs=1k count=90']);
    await engine.cliOk(['rm', 'stopped-writer']);
    await engine.cliOk(['run', '--name', 'stopped-keeper', 'busybox', 'sh', '-c', 'dd if=/dev/zero of=/k bs=1k count=40']);
    // Let the writes inside the running containers finish before both sides measure.
    await engine.cliOk(['exec', running, 'sh', '-c', 'while [ ! -s /w ] || [ "$(wc -c < /w)" -lt 51200 ]; do sleep 0.1; done']);
    await engine.cliOk(['exec', paused, 'sh', '-c', 'while [ "$(wc -c < /p)" -lt 30720 ]; do sleep 0.1; done']);
    await engine.cliOk(['pause', paused]);

    const ours = (await call(core, 'system.df')).rows;
    const theirs = await cliDf(engine);
    expect(ours.map(toCliRow)).toEqual(theirs);
    // The seed really exercises every row: nothing is trivially zero.
    for (const row of ours) expect(row.total, row.kind).toBeGreaterThan(0);
    const images = ours.find((r) => r.kind === 'images');
    expect(images && images.reclaimable).toBeLessThan(images?.size ?? 0);
    expect(ours.find((r) => r.kind === 'containers')?.active).toBe(2);
  });

  it('follows a container started with the CLI: a docker event arrives and the next df counts it', async () => {
    const before = (await call(core, 'system.df')).rows.find((r) => r.kind === 'containers');
    const recorder = recordEvents(core);
    try {
      await runContainer(engine, ['--name', 'late-arrival', 'busybox', 'sleep', '600']);
      await recorder.waitFor((e) => e.type === 'docker.event' && e.event.Type === 'container' && e.event.Action === 'start');
      const after = (await call(core, 'system.df')).rows.find((r) => r.kind === 'containers');
      expect(after?.total).toBe((before?.total ?? 0) + 1);
      expect(after?.active).toBe((before?.active ?? 0) + 1);
      expect((await call(core, 'system.df')).rows.map(toCliRow)).toEqual(await cliDf(engine));
    } finally {
      recorder.stop();
    }
  });
});
