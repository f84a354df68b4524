/**
 * `npm run bench`: what one Wharf call costs through web mode, as a ratio against the raw Engine API call and
 * the docker CLI, measured in the same run on a private engine. Timings are reported, never asserted.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, it } from 'vitest';
import { startPrivateEngine, type PrivateEngine } from '../test/support/engine-harness';
import { importBusybox } from '../test/support/fixtures';
import { startWebMode, type RunningWebMode } from '../test/e2e/support/web-mode';
import { engineRequest as rawRequest, median as medianOf, wharfCall as call } from './bench-support';

const SEED_TAGS = Number(process.env.WHARF_BENCH_TAGS ?? 500);
const SEED_CONTAINERS = Number(process.env.WHARF_BENCH_CONTAINERS ?? 200);
const ROUNDS = Number(process.env.WHARF_BENCH_ROUNDS ?? 25);
const REPORT = join(__dirname, '../test-results/bench.md');

let engine: PrivateEngine;
let web: RunningWebMode;

beforeAll(async () => {
  engine = await startPrivateEngine({ name: 'bench' });
  const id = await importBusybox(engine);
  for (let i = 0; i < SEED_TAGS; i++) {
    const r = await rawRequest(engine.socketPath, 'POST', `/v1.41/images/${id}/tag?repo=bench/img${i}&tag=v${i % 7}`);
    if (r.status !== 201) throw new Error(`tag failed: ${r.status} ${r.text}`);
  }
  for (let i = 0; i < SEED_CONTAINERS; i++) {
    const r = await rawRequest(engine.socketPath, 'POST', `/v1.41/containers/create?name=bench-${i}`, { Image: 'busybox', Cmd: ['true'] });
    if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  }
  web = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex') });
}, 600_000);

afterAll(async () => {
  await web?.stop();
  await engine?.destroy();
});

it('engine.facts and system.df through web mode vs the raw Engine API and the docker CLI', async () => {
  const rows: Array<[string, number, number, number]> = [];
  const measure = async (name: string, wharf: () => Promise<unknown>, raw: () => Promise<unknown>, cli: () => Promise<unknown>): Promise<void> => {
    rows.push([name, await medianOf(raw, ROUNDS), await medianOf(wharf, ROUNDS), await medianOf(cli, ROUNDS)]);
  };
  await measure(
    'engine.facts (GET /info)',
    () => call(web, 'engine.facts'),
    () => rawRequest(engine.socketPath, 'GET', '/v1.41/info'),
    () => engine.cliOk(['info', '--format', '{{json .}}']),
  );
  await measure(
    'system.df (GET /system/df)',
    () => call(web, 'system.df'),
    () => rawRequest(engine.socketPath, 'GET', '/v1.41/system/df'),
    () => engine.cliOk(['system', 'df']),
  );
  // Appended like every other bench's section: the files run in no fixed order, so a rewrite here would wipe theirs.
  const lines = [
    '',
    `## engine calls — ${new Date().toISOString()}`,
    '',
    `Private engine seeded with ${SEED_TAGS} image tags and ${SEED_CONTAINERS} containers; median of ${ROUNDS} rounds.`,
    '',
    '| call | raw Engine API ms | Wharf (web mode) ms | Wharf / raw | docker CLI ms | CLI / raw |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(([name, raw, wharf, cli]) => `| ${name} | ${raw.toFixed(2)} | ${wharf.toFixed(2)} | ${(wharf / raw).toFixed(2)} | ${cli.toFixed(2)} | ${(cli / raw).toFixed(2)} |`),
  ];
  mkdirSync(join(REPORT, '..'), { recursive: true });
  appendFileSync(REPORT, `${lines.join('\n')}\n`);
  console.log(`\n${lines.join('\n')}\n\nreport: ${REPORT}`);
}, 600_000);
