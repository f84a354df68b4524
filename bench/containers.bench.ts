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
import { engineRequest as rawRequest, median as medianOf, wharfCall as call } from './bench-support';

const CONTAINERS = Number(process.env.WHARF_BENCH_CONTAINERS ?? 1_000);
const RUNNING = Number(process.env.WHARF_BENCH_RUNNING ?? 50);
const ROUNDS = Number(process.env.WHARF_BENCH_ROUNDS ?? 25);
const IDLE_SECONDS = Number(process.env.WHARF_BENCH_IDLE_SECONDS ?? 60);
const REPORT = join(__dirname, '../test-results/bench.md');

let engine: PrivateEngine;
let proxy: CountingProxy;
let web: RunningWebMode;

async function create(name: string, cmd: string[]): Promise<string> {
  const r = await rawRequest(engine.socketPath, 'POST', `/v1.41/containers/create?name=${name}`, { Image: 'busybox:latest', Cmd: cmd, Labels: { 'com.docker.compose.project': `bench${name.length % 5}` } });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return (JSON.parse(r.text) as { Id: string }).Id;
}

beforeAll(async () => {
  engine = await startPrivateEngine({ name: 'bench-containers' });
  await importBusybox(engine);
  for (let i = 0; i < CONTAINERS; i++) {
    const running = i < RUNNING;
    const id = await create(`bench-${i}`, running ? ['sleep', '3600'] : ['true']);
    if (running) {
      const r = await rawRequest(engine.socketPath, 'POST', `/v1.41/containers/${id}/start`);
      if (r.status !== 204) throw new Error(`start failed: ${r.status} ${r.text}`);
    }
  }
  proxy = await startCountingProxy(engine.socketPath);
  web = await startWebMode({ dockerHost: proxy.host, token: randomBytes(12).toString('hex') });
}, 1_200_000);

afterAll(async () => {
  await web?.stop();
  await proxy?.close();
  await engine?.destroy();
});

it('containers.list through web mode vs GET /containers/json?all=1 and `docker ps -a`; idle requests', async () => {
  const raw = await medianOf(() => rawRequest(engine.socketPath, 'GET', '/v1.41/containers/json?all=1'), ROUNDS);
  const wharf = await medianOf(() => call(web, 'containers.list', { all: true }), ROUNDS);
  const cli = await medianOf(() => engine.cliOk(['ps', '-a']), ROUNDS);

  // Idle: the Containers page open in Chromium, nothing changing, for IDLE_SECONDS.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  let idle: string[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(`${web.url}?token=${web.token}`);
    await page.getByTestId('nav-containers').click();
    await page.waitForTimeout(3000);
    const before = proxy.requests.length;
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    idle = proxy.requests.slice(before);
  } finally {
    await browser.close();
  }

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
    `Idle for ${IDLE_SECONDS} s with the Containers page open and ${RUNNING} containers running: ${idle.length} engine requests${idle.length ? ` (${[...new Set(idle)].join(', ')})` : ''} — the events stream stays open and is not counted again.`,
  ];
  mkdirSync(join(REPORT, '..'), { recursive: true });
  appendFileSync(REPORT, `${lines.join('\n')}\n`);
  console.log(`${lines.join('\n')}\n\nreport: ${REPORT}`);
}, 900_000);
