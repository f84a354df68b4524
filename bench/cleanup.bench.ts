/**
 * `npm run bench`: a cleanup preview (Everything, -a, volumes) through web mode vs the raw GET /system/df, on a
 * private engine with 2,000 images and 1,000 containers (50 running), seeded once and reused (seeded-engine.ts). Timings are reported as ratios, never asserted.
 * The first preview reads the layers only of the images the cheaper side of freed-space.ts needs; later ones reuse them.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, it } from 'vitest';
import type { PrivateEngine } from '../test/support/engine-harness';
import { startWebMode, type RunningWebMode } from '../test/e2e/support/web-mode';
import { engineRequest as rawRequest, median as medianOf, untilConnected, wharfCall as call } from './bench-support';
import { seededEngine } from './seeded-engine';

const SEED_IMAGES = Number(process.env.WHARF_BENCH_IMAGES ?? 2_000);
const SEED_CONTAINERS = Number(process.env.WHARF_BENCH_CONTAINERS ?? 1_000);
const RUNNING = Number(process.env.WHARF_BENCH_RUNNING ?? 50);
const ROUNDS = Number(process.env.WHARF_BENCH_ROUNDS ?? 10);
/** Cold previews: each on a fresh web-mode process, so its layer cache is empty. */
const COLD_ROUNDS = Number(process.env.WHARF_BENCH_COLD_ROUNDS ?? 3);
/**
 * Another build's `out/main/serve.js` (e.g. a worktree of an older commit): its cold previews are measured in the
 * same run, alternating with this build's, so a change is compared on the same engine and the same machine load.
 */
const COMPARE_ENTRY = process.env.WHARF_BENCH_COMPARE_ENTRY;
const REPORT = join(__dirname, '../test-results/bench.md');
const PREVIEW = { wizard: 'everything', options: { allImages: true, volumes: true } };

let engine: PrivateEngine;
let web: RunningWebMode;

beforeAll(async () => {
  engine = await seededEngine({ images: SEED_IMAGES, containers: SEED_CONTAINERS, running: RUNNING });
  web = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex') });
}, 1_800_000);

// Destroying an engine with 1,000 containers (50 running) takes well over the default 10 s.
afterAll(async () => {
  await web?.stop();
  await engine?.destroy();
}, 600_000);

/** One cold preview: a fresh web-mode process (of `entry`, default this build), its first preview timed. */
async function coldPreview(entry?: string): Promise<number> {
  const fresh = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex'), entry });
  try {
    await untilConnected(fresh);
    const t0 = performance.now();
    await call(fresh, 'cleanup.preview', PREVIEW);
    return performance.now() - t0;
  } finally {
    await fresh.stop();
  }
}

function middle(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

it('cleanup.preview through web mode vs GET /system/df', async () => {
  const colds: number[] = [];
  const compared: number[] = [];
  for (let i = 0; i < COLD_ROUNDS; i++) {
    colds.push(await coldPreview());
    if (COMPARE_ENTRY) compared.push(await coldPreview(COMPARE_ENTRY));
  }
  const cold = middle(colds);
  const raw = await medianOf(() => rawRequest(engine.socketPath, 'GET', '/v1.41/system/df'), ROUNDS);
  const warm = await medianOf(() => call(web, 'cleanup.preview', PREVIEW), ROUNDS);
  const df = await medianOf(() => call(web, 'cleanup.diskUsage'), ROUNDS);
  const lines = [
    '',
    `## cleanup.preview — ${new Date().toISOString()}`,
    '',
    `Private engine with ${SEED_IMAGES} images and ${SEED_CONTAINERS} containers (${RUNNING} running); preview of Everything (-a, --volumes); median of ${ROUNDS} rounds. A cold preview is the first of a fresh web-mode process (its layer cache empty); later previews reuse what it read.`,
    '',
    '| call | raw GET /system/df ms | Wharf ms | Wharf / raw |',
    '|---|---:|---:|---:|',
    `| cleanup.preview (first, cold; median of ${COLD_ROUNDS} fresh processes: ${colds.map((t) => t.toFixed(0)).join(', ')} ms) | ${raw.toFixed(2)} | ${cold.toFixed(2)} | ${(cold / raw).toFixed(2)} |`,
    ...(COMPARE_ENTRY
      ? [`| the same, build ${COMPARE_ENTRY} (${compared.map((t) => t.toFixed(0)).join(', ')} ms) | ${raw.toFixed(2)} | ${middle(compared).toFixed(2)} | ${(middle(compared) / raw).toFixed(2)} |`]
      : []),
    `| cleanup.preview (warm) | ${raw.toFixed(2)} | ${warm.toFixed(2)} | ${(warm / raw).toFixed(2)} |`,
    `| cleanup.diskUsage | ${raw.toFixed(2)} | ${df.toFixed(2)} | ${(df / raw).toFixed(2)} |`,
  ];
  mkdirSync(join(REPORT, '..'), { recursive: true });
  appendFileSync(REPORT, `${lines.join('\n')}\n`);
  console.log(`${lines.join('\n')}\n\nreport: ${REPORT}`);
}, 1_800_000);
