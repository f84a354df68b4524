/**
 * `npm run bench`: the Images and Containers pages in Chromium against web mode, at several engine sizes (seeded once
 * and reused, seeded-engine.ts): the first (cold) visit and a later (warm) one, from the click in the sidebar to the
 * first row in the page; the raw Engine API list measured in the same run; renderer heap and the server's RSS. Then
 * an event storm: containers created by the CLI in a burst while the Containers page is open, the time until the
 * page counts them all, and the longest task the page ran meanwhile. Reported, never asserted.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, it } from 'vitest';
import { startPrivateEngine, type PrivateEngine } from '../test/support/engine-harness';
import { importBusybox } from '../test/support/fixtures';
import { dockerCliEnv } from '../test/support/docker-cli';
import { defaultDockerCli } from '../test/support/preconditions';
import { startWebMode, type RunningWebMode } from '../test/e2e/support/web-mode';
import { engineRequest as rawRequest, median as medianOf, untilConnected } from './bench-support';
import { seededEngine } from './seeded-engine';

/** `images:containers` pairs; 50 containers run in each. */
const SIZES = (process.env.WHARF_BENCH_LIST_SIZES ?? '500:250,2000:1000,10000:5000').split(',').map((pair) => {
  const [images, containers] = pair.split(':').map(Number);
  return { images: images ?? 0, containers: containers ?? 0, running: 50 };
});
const VISITS = Number(process.env.WHARF_BENCH_VISITS ?? 5);
const STORM = Number(process.env.WHARF_BENCH_STORM ?? 1_000);
const REPORT = join(__dirname, '../test-results/bench.md');
const run = promisify(execFile);

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-precise-memory-info'] });
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A fresh browser context signed in, on the Dashboard, connected, once the Dashboard's own calls have answered (its
 * `system df` takes seconds at 10,000 images and would slow the engine's answer to the visited page) and the shell
 * went idle for a moment.
 */
async function signedIn(web: RunningWebMode): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(await web.newLoginUrl());
  await page.getByTestId('engine-status').and(page.locator('[data-state="connected"]')).waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
  return page;
}

/** One visit: click to first row, and where that time went by the page's call of `channel` (Resource Timing). */
interface Visit {
  firstRowMs: number;
  /** From the click until the list call was sent (NaN when the visit sent none before its first row). */
  sentMs: number;
  /** The call itself: sent to its answer fully read. */
  callMs: number;
  /** From the answer to the first row in the document. */
  renderMs: number;
}

/** Clicks the sidebar link and measures, in the page, the ms until `rowSelector` is in the document. */
function visit(page: Page, nav: string, rowSelector: string, channel: string): Promise<Visit> {
  return page.evaluate(
    ([navId, selector, path]) =>
      new Promise<Visit>((resolve) => {
        const t0 = performance.now();
        (document.querySelector(`[data-testid="${navId}"]`) as HTMLElement).click();
        const check = (): void => {
          if (!document.querySelector(selector)) {
            requestAnimationFrame(check);
            return;
          }
          const firstRowMs = performance.now() - t0;
          const call = performance
            .getEntriesByType('resource')
            .find((e) => e.name.endsWith(path) && e.startTime >= t0 && (e as PerformanceResourceTiming).responseEnd <= t0 + firstRowMs) as PerformanceResourceTiming | undefined;
          resolve({
            firstRowMs,
            sentMs: call ? call.startTime - t0 : NaN,
            callMs: call ? call.responseEnd - call.startTime : NaN,
            renderMs: call ? firstRowMs - (call.responseEnd - t0) : NaN,
          });
        };
        check();
      }),
    [nav, rowSelector, `/api/${channel}`] as const,
  );
}

const IMAGE_ROW = '[data-testid="page-images"] [data-testid="image-row"]';
const CONTAINER_ROW = '[data-testid="page-containers"] [data-testid="container-row"]';

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024;
}

interface SizeResult {
  images: number;
  containers: number;
  rawImages: number;
  rawContainers: number;
  coldImages: number[];
  /** The cold Images visits' breakdown: before the call, the call, after it. */
  coldImagesParts: Visit[];
  warmImages: number[];
  coldContainers: number[];
  warmContainers: number[];
  heapMb: number;
  rssMb: number;
}

async function measure(size: (typeof SIZES)[number]): Promise<SizeResult> {
  const engine = await seededEngine(size);
  const web = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex') });
  try {
    await untilConnected(web);
    const result: SizeResult = { ...size, rawImages: 0, rawContainers: 0, coldImages: [], coldImagesParts: [], warmImages: [], coldContainers: [], warmContainers: [], heapMb: NaN, rssMb: NaN };
    result.rawImages = await medianOf(() => rawRequest(engine.socketPath, 'GET', '/v1.41/images/json'), 10);
    result.rawContainers = await medianOf(() => rawRequest(engine.socketPath, 'GET', '/v1.41/containers/json?all=1'), 10);
    for (let i = 0; i < VISITS; i++) {
      // Images first: cold, then away to Containers (cold there) and back (warm), twice.
      const page = await signedIn(web);
      const cold = await visit(page, 'nav-images', IMAGE_ROW, 'images.list');
      result.coldImages.push(cold.firstRowMs);
      result.coldImagesParts.push(cold);
      await page.waitForTimeout(1_000);
      result.coldContainers.push((await visit(page, 'nav-containers', CONTAINER_ROW, 'containers.list')).firstRowMs);
      await page.waitForTimeout(1_000);
      result.warmImages.push((await visit(page, 'nav-images', IMAGE_ROW, 'images.list')).firstRowMs);
      await page.waitForTimeout(1_000);
      result.warmContainers.push((await visit(page, 'nav-containers', CONTAINER_ROW, 'containers.list')).firstRowMs);
      if (i === VISITS - 1) {
        await visit(page, 'nav-images', IMAGE_ROW, 'images.list');
        await page.waitForTimeout(1_000);
        result.heapMb = await heapMb(page);
        result.rssMb = rssMb(web.process.pid);
      }
      await page.context().close();
    }
    return result;
  } finally {
    await web.stop();
    await engine.destroy();
  }
}

async function storm(): Promise<{ visibleMs: number; longestTaskMs: number; longTasks: number; burstMs: number }> {
  const engine: PrivateEngine = await startPrivateEngine({ name: 'bench-storm' });
  const web = await startWebMode({ dockerHost: engine.host, token: randomBytes(12).toString('hex') });
  try {
    await importBusybox(engine);
    await untilConnected(web);
    const page = await signedIn(web);
    await page.goto(`${web.url}#/containers`);
    await page.getByTestId('containers-all').check();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    // The burst: `docker create` from 8 shells at once, as a script would.
    const t0 = Date.now();
    const env = dockerCliEnv({ host: engine.host, configDir: join(engine.dir, 'cli') });
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < STORM) {
          const i = next++;
          await run(defaultDockerCli(), ['create', '--name', `storm-${i}`, 'busybox', 'true'], { env });
        }
      }),
    );
    const lastCreated = Date.now();
    await page.getByTestId('containers-count').filter({ hasText: new RegExp(`^${STORM}$`) }).waitFor({ timeout: 60_000 });
    const visibleMs = Date.now() - lastCreated;
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return { visibleMs, longestTaskMs: Math.max(0, ...longTasks), longTasks: longTasks.length, burstMs: lastCreated - t0 };
  } finally {
    await web.stop();
    await engine.destroy();
  }
}

it('Images and Containers pages in Chromium: cold and warm visits at each size; an event storm', async () => {
  const results: SizeResult[] = [];
  for (const size of SIZES) results.push(await measure(size));
  const burst = await storm();
  const f = (n: number): string => n.toFixed(0);
  const base = results.find((r) => r.images === 2_000) ?? results[0];
  const lines = [
    '',
    `## list pages in Chromium — ${new Date().toISOString()}`,
    '',
    `Web mode, a fresh signed-in context per visit pair; from the sidebar click to the first row in the document (median of ${VISITS}, range). Cold: the page's first visit in the context; warm: a later one. Raw: GET /images/json and /containers/json?all=1 in the same run (median of 10).`,
    '',
    '| images / containers | raw images ms | Images cold ms | Images warm ms | raw containers ms | Containers cold ms | Containers warm ms | renderer heap MB | server RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.images} / ${r.containers} | ${f(r.rawImages)} | ${f(median(r.coldImages))} (${f(Math.min(...r.coldImages))}–${f(Math.max(...r.coldImages))}) | ${f(median(r.warmImages))} (${f(Math.min(...r.warmImages))}–${f(Math.max(...r.warmImages))}) | ${f(r.rawContainers)} | ${f(median(r.coldContainers))} (${f(Math.min(...r.coldContainers))}–${f(Math.max(...r.coldContainers))}) | ${f(median(r.warmContainers))} (${f(Math.min(...r.warmContainers))}–${f(Math.max(...r.warmContainers))}) | ${r.heapMb.toFixed(1)} | ${r.rssMb.toFixed(1)} |`,
    ),
    '',
    `Cold Images, where the time went (medians): ${results
      .map((r) => {
        const m = (pick: (v: Visit) => number): string => f(median(r.coldImagesParts.map(pick).filter((x) => !Number.isNaN(x))));
        return `${r.images}: ${m((v) => v.sentMs)} ms before images.list is sent, ${m((v) => v.callMs)} ms the call, ${m((v) => v.renderMs)} ms from its answer to the first row`;
      })
      .join('; ')}.`,
    '',
    base
      ? `Growth against ${base.images} images (cost / raw cost): ${results.map((r) => `${r.images}: cold Images ${(median(r.coldImages) / median(base.coldImages)).toFixed(2)}× vs raw ${(r.rawImages / base.rawImages).toFixed(2)}×, heap ${(r.heapMb / base.heapMb).toFixed(2)}×`).join('; ')}.`
      : '',
    '',
    `Event storm: ${STORM} containers made by \`docker create\` from 8 shells in ${f(burst.burstMs)} ms with the Containers page open (-a): all counted ${f(burst.visibleMs)} ms after the last one; ${burst.longTasks} long tasks, the longest ${f(burst.longestTaskMs)} ms.`,
  ];
  mkdirSync(join(REPORT, '..'), { recursive: true });
  appendFileSync(REPORT, `${lines.join('\n')}\n`);
  console.log(`${lines.join('\n')}\n\nreport: ${REPORT}`);
}, 7_200_000);
