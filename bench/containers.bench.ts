/**
 * `npm run bench`: containers.list through web mode vs the raw GET /containers/json?all=1 vs `docker ps -a`, on a
 * private engine with 1,000 containers (50 running); then the engine requests an idle Wharf makes over 60 s
 * with the Containers page open in Chromium (only the events stream is expected). Ratios, never asserted.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, it } from 'vitest';
import { startWebMode, type RunningWebMode } from '../test/e2e/support/web-mode';
import { startCountingProxy, type CountingProxy } from '../test/integration/counting-proxy';
import { startPrivateEngine, type PrivateEngine } from '../test/support/engine-harness';
import { importBusybox } from '../test/support/fixtures';
import { eachLimited } from '../src/main/core/concurrency';
import { engineRequest as rawRequest, median as medianOf, wharfCall as call } from './bench-support';

const CONTAINERS = Number(process.env.WHARF_BENCH_CONTAINERS ?? 1_000);
const RUNNING = Number(process.env.WHARF_BENCH_RUNNING ?? 50);
const ROUNDS = Number(process.env.WHARF_BENCH_ROUNDS ?? 25);
const IDLE_SECONDS = Number(process.env.WHARF_BENCH_IDLE_SECONDS ?? 60);
const REPORT = join(__dirname, '../test-results/bench.md');
/** Containers created (and started) at a time while seeding: enough to keep dockerd busy, few enough not to swamp it. */
const SEED_CONCURRENCY = 16;

let engine: PrivateEngine;
let proxy: CountingProxy;
/** Timed: talks to the engine directly, like the raw request and the CLI it is compared with. */
let web: RunningWebMode;
/** The Containers page in Chromium: talks to the engine through the counting proxy. */
let idleWeb: RunningWebMode;

async function create(name: string, cmd: string[]): Promise<string> {
  const r = await rawRequest(engine.socketPath, 'POST', `/v1.41/containers/create?name=${name}`, { Image: 'busybox:latest', Cmd: cmd, Labels: { 'com.docker.compose.project': `bench${name.length % 5}` } });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return (JSON.parse(r.text) as { Id: string }).Id;
}

/** `GET /x ×3, GET /y`: each distinct request line once, with how often it was made. */
function countEach(requests: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)).join(', ');
}

beforeAll(async () => {
  engine = await startPrivateEngine({ name: 'bench-containers' });
  await importBusybox(engine);
  const indexes = Array.from({ length: CONTAINERS }, (_, i) => i);
  await eachLimited(indexes, SEED_CONCURRENCY, new AbortController().signal, async (i) => {
    const running = i < RUNNING;
    const id = await create(`bench-${i}`, running ? ['sleep', '3600'] : ['true']);
    if (running) {
      const r = await rawRequest(engine.socketPath, 'POST', `/v1.41/containers/${id}/start`);
      if (r.status !== 204) throw new Error(`start failed: ${r.status} ${r.text}`);
    }
  });
  web = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex') });
  proxy = await startCountingProxy(engine.socketPath);
  idleWeb = await startWebMode({ dockerHost: proxy.host, token: randomBytes(12).toString('hex') });
}, 1_200_000);

// Destroying an engine with 1,000 containers (50 running) takes well over the default 10 s.
afterAll(async () => {
  await idleWeb?.stop();
  await web?.stop();
  await proxy?.close();
  await engine?.destroy();
}, 600_000);

it('containers.list through web mode vs GET /containers/json?all=1 and `docker ps -a`; idle requests', async () => {
  const raw = await medianOf(() => rawRequest(engine.socketPath, 'GET', '/v1.41/containers/json?all=1'), ROUNDS);
  const wharf = await medianOf(() => call(web, 'containers.list', { all: true }), ROUNDS);
  const cli = await medianOf(() => engine.cliOk(['ps', '-a']), ROUNDS);

  // Idle: the Containers page open in Chromium, nothing changing, for IDLE_SECONDS.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  let idle: string[] = [];
  let opening: string[] = [];
  try {
    const page = await browser.newPage();
    const start = proxy.requests.length;
    await page.goto(await idleWeb.newLoginUrl());
    await page.getByTestId('nav-containers').click();
    // The page must really show the list (`docker ps`: the running ones), or counting idle requests means nothing.
    await page.getByTestId('containers-count').filter({ hasText: new RegExp(`^${RUNNING}$`) }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3000);
    const before = proxy.requests.length;
    opening = proxy.requests.slice(start, before);
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    idle = proxy.requests.slice(before);
  } finally {
    await browser.close();
  }
  const events = proxy.requests.filter((r) => r.includes('/events'));
  if (events.length === 0) throw new Error(`web mode never opened the events stream; its requests: ${proxy.requests.join(', ')}`);

  const lines = [
    '',
    `## containers.list — ${new Date().toISOString()}`,
    '',
    `Private engine with ${CONTAINERS} containers (${RUNNING} running); median of ${ROUNDS} rounds.`,
    '',
    '| call | raw GET /containers/json?all=1 ms | Wharf containers.list (web mode) ms | Wharf / raw | `docker ps -a` ms | Wharf / CLI |',
    '|---|---:|---:|---:|---:|---:|',
    `| containers.list | ${raw.toFixed(2)} | ${wharf.toFixed(2)} | ${(wharf / raw).toFixed(2)} | ${cli.toFixed(2)} | ${(wharf / cli).toFixed(2)} |`,
    '',
    `Idle for ${IDLE_SECONDS} s with the Containers page open and ${RUNNING} containers running: ${idle.length} engine requests${idle.length ? ` (${countEach(idle)})` : ''} — the events stream (opened ${events.length}× since web mode started) stays open and is not counted again. Opening the page took ${opening.length} (${countEach(opening)}).`,
  ];
  mkdirSync(join(REPORT, '..'), { recursive: true });
  appendFileSync(REPORT, `${lines.join('\n')}\n`);
  console.log(`${lines.join('\n')}\n\nreport: ${REPORT}`);
}, 900_000);
