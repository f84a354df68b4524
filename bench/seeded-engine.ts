/**
 * A private engine seeded for benchmarks: `images` distinct images (busybox, then a one-file tar imported again and
 * again as bench/distinctN:v1, each import its own ID) and `containers` containers from busybox (bench-cN; the first
 * `running` run `sleep`). Seeded in parallel once, then reused between runs: its data-root is a cache folder keyed by
 * engine and sizes ($WHARF_BENCH_CACHE, default /var/cache/wharf-bench), marked complete by a file written last.
 * Only benchmarks use it; they read, and never delete, the seeded objects.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateEngine, type PrivateEngine } from '../test/support/engine-harness';
import { importBusybox } from '../test/support/fixtures';
import { unmountAllUnder } from '../test/support/mounts';
import { isProcessAlive } from '../test/support/processes';
import { testEngine } from '../test/support/test-engine';
import { engineRequest } from './bench-support';

export interface SeedSize {
  images: number;
  containers: number;
  running: number;
}

/** Engine requests in flight while seeding: enough to keep dockerd busy on two cores. */
const SEED_CONCURRENCY = 8;

function cacheRoot(): string {
  return process.env.WHARF_BENCH_CACHE ?? '/var/cache/wharf-bench';
}

/** A one-file tar, imported for every distinct image. */
export function tinyTar(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-bench-tar-'));
  writeFileSync(join(dir, 'hello.txt'), 'wharf bench\n');
  const tar = execFileSync('/usr/bin/tar', ['-C', dir, '-c', 'hello.txt']);
  rmSync(dir, { recursive: true, force: true });
  return tar;
}

async function inParallel(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(SEED_CONCURRENCY, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function expectStatus(reply: Promise<{ status: number; text: string }>, ok: number[], what: string): Promise<void> {
  const r = await reply;
  if (!ok.includes(r.status)) throw new Error(`${what}: ${r.status} ${r.text}`);
}

/** Takes the folder's lock (a file with our pid); a lock whose process is gone is taken over. */
function lock(folder: string): () => void {
  const file = join(folder, 'lock');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(pid) && pid !== process.pid && isProcessAlive(pid)) throw new Error(`${folder} is in use by process ${pid}`);
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

async function seed(engine: PrivateEngine, size: SeedSize): Promise<void> {
  await importBusybox(engine);
  const tar = tinyTar();
  await inParallel(size.images - 1, (i) => expectStatus(engineRequest(engine.socketPath, 'POST', `/v1.41/images/create?fromSrc=-&repo=bench/distinct${i + 1}&tag=v1`, tar), [200], 'import'));
  await inParallel(size.containers, async (i) => {
    const body = { Image: 'busybox:latest', Cmd: i < size.running ? ['sleep', '360000'] : ['true'], HostConfig: { Init: true } };
    await expectStatus(engineRequest(engine.socketPath, 'POST', `/v1.41/containers/create?name=bench-c${i}`, body), [201], 'create');
  });
}

/** The seeded engine of `size`, running, its first `running` containers started; destroy() keeps the seed. */
export async function seededEngine(size: SeedSize): Promise<PrivateEngine & { seededNow: boolean }> {
  const folder = join(cacheRoot(), `${testEngine().name}-images${size.images}-containers${size.containers}-running${size.running}`);
  mkdirSync(folder, { recursive: true });
  const unlock = lock(folder);
  const marker = join(folder, 'seeded');
  const dataRoot = join(folder, 'data');
  const seededNow = !existsSync(marker);
  if (seededNow) {
    // A seed cut short is started again from nothing.
    unmountAllUnder(dataRoot);
    rmSync(dataRoot, { recursive: true, force: true });
  }
  let engine: PrivateEngine | undefined;
  try {
    engine = await startPrivateEngine({ name: 'bench-seed', dataRoot });
    if (seededNow) {
      await seed(engine, size);
      writeFileSync(marker, `${new Date().toISOString()}\n`);
    }
    const running = engine;
    await inParallel(size.running, (i) => expectStatus(engineRequest(running.socketPath, 'POST', `/v1.41/containers/bench-c${i}/start`), [204, 304], 'start'));
  } catch (error) {
    await engine?.destroy();
    unlock();
    throw error;
  }
  const destroy = engine.destroy.bind(engine);
  return Object.assign(engine, {
    seededNow,
    destroy: async () => {
      await destroy();
      unlock();
    },
  });
}
