/**
 * `npm run bench`: a cleanup preview (Everything, -a, volumes) through web mode vs the raw GET /system/df, on a
 * private engine with 2,000 images and 1,000 containers (50 running). Timings are reported as ratios, never asserted.
 * The first preview reads every image's layers (inspect + history); later ones answer from the layer cache.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, it } from 'vitest';
import { startPrivateEngine, type PrivateEngine } from '../test/support/engine-harness';
import { importBusybox } from '../test/support/fixtures';
import { startWebMode, type RunningWebMode } from '../test/e2e/support/web-mode';
import { engineRequest as rawRequest, median as medianOf, wharfCall as call } from './bench-support';

const SEED_IMAGES = Number(process.env.WHARF_BENCH_IMAGES ?? 2_000);
const SEED_CONTAINERS = Number(process.env.WHARF_BENCH_CONTAINERS ?? 1_000);
const RUNNING = Number(process.env.WHARF_BENCH_RUNNING ?? 50);
const ROUNDS = Number(process.env.WHARF_BENCH_ROUNDS ?? 10);
const REPORT = join(__dirname, '../test-results/bench.md');
const PREVIEW = { wizard: 'everything', options: { allImages: true, volumes: true } };

let engine: PrivateEngine;
let web: RunningWebMode;

function tinyTar(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-bench-tar-'));
  writeFileSync(join(dir, 'hello.txt'), 'wharf bench\n');
  const tar = execFileSync('/usr/bin/tar', ['-C', dir, '-c', 'hello.txt']);
  rmSync(dir, { recursive: true, force: true });
  return tar;
}

async function ok(status: Promise<{ status: number; text: string }>, expected: number[], what: string): Promise<void> {
  const r = await status;
  if (!expected.includes(r.status)) throw new Error(`${what} failed: ${r.status} ${r.text}`);
}

beforeAll(async () => {
  engine = await startPrivateEngine({ name: 'bench-cleanup' });
  await importBusybox(engine);
  const tar = tinyTar();
  for (let i = 1; i < SEED_IMAGES; i++) await ok(rawRequest(engine.socketPath, 'POST', `/v1.41/images/create?fromSrc=-&repo=bench/distinct${i}&tag=v1`, tar), [200], 'import');
  for (let i = 0; i < SEED_CONTAINERS; i++) {
    const running = i < RUNNING;
    const body = { Image: 'busybox:latest', Cmd: running ? ['sleep', '3600'] : ['true'], HostConfig: { Init: true } };
    await ok(rawRequest(engine.socketPath, 'POST', `/v1.41/containers/create?name=bench-c${i}`, body), [201], 'create');
    if (running) await ok(rawRequest(engine.socketPath, 'POST', `/v1.41/containers/bench-c${i}/start`), [204], 'start');
  }
  web = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex') });
}, 1_800_000);

// Destroying an engine with 1,000 containers (50 running) takes well over the default 10 s.
afterAll(async () => {
  await web?.stop();
  await engine?.destroy();
}, 600_000);

it('cleanup.preview through web mode vs GET /system/df', async () => {
  const t0 = performance.now();
  await call(web, 'cleanup.preview', PREVIEW);
  const cold = performance.now() - t0;
  const raw = await medianOf(() => rawRequest(engine.socketPath, 'GET', '/v1.41/system/df'), ROUNDS);
  const warm = await medianOf(() => call(web, 'cleanup.preview', PREVIEW), ROUNDS);
  const df = await medianOf(() => call(web, 'cleanup.diskUsage'), ROUNDS);
  const lines = [
    '',
    `## cleanup.preview — ${new Date().toISOString()}`,
    '',
    `Private engine with ${SEED_IMAGES} images and ${SEED_CONTAINERS} containers (${RUNNING} running); preview of Everything (-a, --volumes); median of ${ROUNDS} rounds. The first preview reads every image's layers once (cold); later previews use the layer cache.`,
    '',
    '| call | raw GET /system/df ms | Wharf ms | Wharf / raw |',
    '|---|---:|---:|---:|',
    `| cleanup.preview (first, cold) | ${raw.toFixed(2)} | ${cold.toFixed(2)} | ${(cold / raw).toFixed(2)} |`,
    `| cleanup.preview (warm) | ${raw.toFixed(2)} | ${warm.toFixed(2)} | ${(warm / raw).toFixed(2)} |`,
    `| cleanup.diskUsage | ${raw.toFixed(2)} | ${df.toFixed(2)} | ${(df / raw).toFixed(2)} |`,
  ];
  mkdirSync(join(REPORT, '..'), { recursive: true });
  appendFileSync(REPORT, `${lines.join('\n')}\n`);
  console.log(`${lines.join('\n')}\n\nreport: ${REPORT}`);
}, 1_800_000);
