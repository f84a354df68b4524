/**
 * `npm run bench`: images.list through web mode vs the raw GET /images/json vs `docker image ls`, on a private engine
 * seeded with 2,000 image rows (design §4). Timings are reported as ratios, never asserted.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, it } from 'vitest';
import { startPrivateEngine, type PrivateEngine } from '../test/support/engine-harness';
import { importBusybox } from '../test/support/fixtures';
import { startWebMode, type RunningWebMode } from '../test/e2e/support/web-mode';
import { engineRequest as rawRequest, median as medianOf, wharfCall as call } from './bench-support';
import { tinyTar } from './seeded-engine';

const SEED_ROWS = Number(process.env.WHARF_BENCH_IMAGE_ROWS ?? 2_000);
/** Distinct image IDs, made by importing one tiny tar again and again (each import gets its own config, so its own ID). */
const SEED_IMAGES = Number(process.env.WHARF_BENCH_IMAGES ?? 2_000);
const ROUNDS = Number(process.env.WHARF_BENCH_ROUNDS ?? 25);
const REPORT = join(__dirname, '../test-results/bench.md');

let engine: PrivateEngine;
let web: RunningWebMode;

beforeAll(async () => {
  engine = await startPrivateEngine({ name: 'bench-images' });
  const ids = [await importBusybox(engine)];
  const tar = tinyTar();
  for (let i = 1; i < SEED_IMAGES; i++) {
    const r = await rawRequest(engine.socketPath, 'POST', `/v1.41/images/create?fromSrc=-&repo=bench/distinct${i}&tag=v1`, tar);
    if (r.status !== 200) throw new Error(`import failed: ${r.status} ${r.text}`);
    ids.push(`bench/distinct${i}:v1`);
  }
  for (let i = ids.length; i < SEED_ROWS; i++) {
    const id = ids[i % ids.length] ?? '';
    const r = await rawRequest(engine.socketPath, 'POST', `/v1.41/images/${id}/tag?repo=bench/img${i}&tag=v${i % 7}`);
    if (r.status !== 201) throw new Error(`tag failed: ${r.status} ${r.text}`);
  }
  web = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex') });
}, 900_000);

afterAll(async () => {
  await web?.stop();
  await engine?.destroy();
});

it('images.list through web mode vs GET /images/json and `docker image ls`', async () => {
  const cliRows = (await engine.cliOk(['image', 'ls', '-q'])).stdout.trim().split('\n').length;
  const raw = await medianOf(() => rawRequest(engine.socketPath, 'GET', '/v1.41/images/json'), ROUNDS);
  const wharf = await medianOf(() => call(web, 'images.list', { filters: {}, all: false }), ROUNDS);
  const cli = await medianOf(() => engine.cliOk(['image', 'ls']), ROUNDS);
  const lines = [
    '',
    `## images.list — ${new Date().toISOString()}`,
    '',
    `Private engine with ${cliRows} \`docker image ls\` rows: ${SEED_IMAGES} distinct images (busybox and a tiny tar imported again and again), any further rows tags over them; median of ${ROUNDS} rounds.`,
    '',
    '| call | raw GET /images/json ms | Wharf images.list (web mode) ms | Wharf / raw | `docker image ls` ms | Wharf / CLI |',
    '|---|---:|---:|---:|---:|---:|',
    `| images.list | ${raw.toFixed(2)} | ${wharf.toFixed(2)} | ${(wharf / raw).toFixed(2)} | ${cli.toFixed(2)} | ${(wharf / cli).toFixed(2)} |`,
  ];
  mkdirSync(join(REPORT, '..'), { recursive: true });
  appendFileSync(REPORT, `${lines.join('\n')}\n`);
  console.log(`${lines.join('\n')}\n\nreport: ${REPORT}`);
}, 600_000);
