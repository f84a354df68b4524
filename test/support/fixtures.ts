import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BUSYBOX, TAR } from './constants';
import type { PrivateEngine } from './engine-harness';
import { runOk } from './exec';
import type { PrivateRegistry } from './registry-harness';

/** What fixtures need from an engine: its CLI and a scratch dir that destroy() removes. */
export type FixtureEngine = Pick<PrivateEngine, 'cliOk' | 'dir'>;

const BUSYBOX_APPLETS = [
  'sh', 'ls', 'cat', 'echo', 'sleep', 'true', 'false', 'yes', 'head', 'dd', 'wc', 'env', 'id', 'top',
  'ps', 'mkdir', 'rm', 'touch', 'printf', 'grep',
];

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function scratchDir(engine: FixtureEngine, prefix: string): string {
  return fs.mkdtempSync(path.join(engine.dir, prefix));
}

function writeBusyboxRootfs(rootfs: string): void {
  for (const dir of ['bin', 'etc', 'root', 'tmp', 'proc', 'sys', 'dev']) fs.mkdirSync(path.join(rootfs, dir), { recursive: true });
  fs.chmodSync(path.join(rootfs, 'tmp'), 0o1777);
  fs.copyFileSync(BUSYBOX, path.join(rootfs, 'bin', 'busybox'));
  fs.chmodSync(path.join(rootfs, 'bin', 'busybox'), 0o755);
  for (const applet of BUSYBOX_APPLETS) fs.symlinkSync('busybox', path.join(rootfs, 'bin', applet));
  fs.writeFileSync(path.join(rootfs, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n');
  fs.writeFileSync(path.join(rootfs, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
}

/**
 * Makes a busybox image from /usr/bin/busybox (busybox-static) with `docker import` — no registry
 * needed. CMD is ["sh"]. Returns the image id ('sha256:…').
 */
export async function importBusybox(engine: FixtureEngine, ref = 'busybox:latest'): Promise<string> {
  const work = scratchDir(engine, 'rootfs-');
  try {
    const rootfs = path.join(work, 'rootfs');
    writeBusyboxRootfs(rootfs);
    const tarball = path.join(work, 'rootfs.tar');
    await runOk(TAR, ['--numeric-owner', '--owner=0', '--group=0', '-C', rootfs, '-cf', tarball, '.']);
    const result = await engine.cliOk([
      'import',
      '--change', 'CMD ["sh"]',
      '--change', `ENV PATH=${DEFAULT_PATH}`,
      tarball,
      ref,
    ]);
    return result.stdout.trim();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** One image whose single layer is `bytes` of random data (it does not compress). */
export async function importRandomImage(engine: FixtureEngine, ref: string, bytes: number): Promise<void> {
  const work = fs.mkdtempSync(path.join(engine.dir, 'random-'));
  try {
    fs.mkdirSync(path.join(work, 'rootfs'));
    fs.writeFileSync(path.join(work, 'rootfs', 'blob'), randomBytes(bytes));
    const tarball = path.join(work, 'random.tar');
    await runOk(TAR, ['--numeric-owner', '--owner=0', '--group=0', '-C', path.join(work, 'rootfs'), '-cf', tarball, '.']);
    await engine.cliOk(['import', tarball, ref], { timeoutMs: 120_000 });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export interface BuildOptions {
  /** Extra files for the build context: relative path → content. */
  files?: Record<string, string>;
  /**
   * true: Debian's CLI with DOCKER_BUILDKIT=1 (BuildKit, creates build-cache entries).
   * false (default): the legacy builder (leaves intermediate images, dangling images on rebuild).
   */
  buildkit?: boolean;
  /** Extra `docker build` arguments, e.g. ['--label', 'a=b'] or ['--no-cache']. */
  args?: string[];
}

/** Builds `tag` from a Dockerfile in a temp context; returns the image id. */
export async function buildImage(
  engine: FixtureEngine,
  tag: string,
  dockerfile: string,
  opts: BuildOptions = {},
): Promise<string> {
  const context = scratchDir(engine, 'ctx-');
  try {
    fs.writeFileSync(path.join(context, 'Dockerfile'), dockerfile);
    for (const [name, content] of Object.entries(opts.files ?? {})) {
      const target = path.resolve(context, name);
      if (!target.startsWith(`${context}${path.sep}`)) throw new Error(`build file outside the context: ${name}`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
    const buildkit = opts.buildkit === true;
    await engine.cliOk(['build', '-t', tag, ...(opts.args ?? []), context], {
      cli: buildkit ? 'debian' : 'new',
      env: { DOCKER_BUILDKIT: buildkit ? '1' : '0' },
      timeoutMs: 300_000,
    });
    const inspect = await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', tag]);
    return inspect.stdout.trim();
  } finally {
    fs.rmSync(context, { recursive: true, force: true });
  }
}

/**
 * `docker run -d --init --stop-timeout 2 …args` (fast stops even if PID 1 ignores SIGTERM);
 * args are the rest of the run command line, e.g. ['--name', 'web', 'busybox', 'sleep', '600'].
 * Returns the container id.
 */
export async function runContainer(engine: FixtureEngine, args: string[]): Promise<string> {
  const result = await engine.cliOk(['run', '-d', '--init', '--stop-timeout', '2', ...args]);
  return result.stdout.trim();
}

/** Repository path for a local ref in a registry: 'busybox:latest' → 'library/busybox:latest'. */
function remotePath(localRef: string): string {
  return localRef.includes('/') ? localRef : `library/${localRef}`;
}

/**
 * Tags localRef as `<registry>/<remote>` and pushes it; returns that remote ref.
 * remote defaults to the Docker Hub style path ('busybox:latest' → 'library/busybox:latest').
 */
export async function pushToRegistry(
  engine: FixtureEngine,
  registry: Pick<PrivateRegistry, 'address'>,
  localRef: string,
  remote: string = remotePath(localRef),
): Promise<string> {
  const remoteRef = `${registry.address}/${remote}`;
  await engine.cliOk(['tag', localRef, remoteRef]);
  await engine.cliOk(['push', remoteRef], { timeoutMs: 300_000 });
  return remoteRef;
}
