/**
 * Which dockerd the harness starts: WHARF_TEST_ENGINE=20.10 (Debian 12's docker.io, the default) or 26.1 (Debian
 * 13's docker.io, fetched by scripts/fetch-test-engine.sh into a cache and never installed over the system's).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DOCKERD } from './constants';

export type TestEngineName = '20.10' | '26.1';

export interface TestEngineBinaries {
  name: TestEngineName;
  dockerd: string;
  /** Folders put first on dockerd's PATH (its docker-proxy and docker-init). */
  pathDirs: string[];
  /** `dockerd --version` as printed. */
  version: string;
}

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'fetch-test-engine.sh');

export function engineCacheDir(): string {
  return process.env.WHARF_ENGINE_CACHE ?? '/var/cache/wharf-test-engines';
}

function versionOf(dockerd: string): string {
  const out = spawnSync(dockerd, ['--version'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`${dockerd} --version failed: ${out.stderr || out.error?.message}`);
  return out.stdout.trim();
}

let chosen: TestEngineBinaries | undefined;

/** The engine of this run, fetched first if needed; says once on stderr which one it is. */
export function testEngine(): TestEngineBinaries {
  if (chosen) return chosen;
  const name = (process.env.WHARF_TEST_ENGINE ?? '20.10') as TestEngineName;
  if (name === '20.10') {
    chosen = { name, dockerd: DOCKERD, pathDirs: [], version: versionOf(DOCKERD) };
  } else if (name === '26.1') {
    const root = path.join(engineCacheDir(), 'trixie', 'root');
    const dockerd = path.join(root, 'usr', 'sbin', 'dockerd');
    if (!fs.existsSync(dockerd)) {
      const fetched = spawnSync('bash', [SCRIPT, engineCacheDir()], { stdio: 'inherit' });
      if (fetched.status !== 0) throw new Error(`WHARF_TEST_ENGINE=26.1: ${SCRIPT} could not fetch Debian 13's docker.io (exit ${fetched.status})`);
    }
    chosen = { name, dockerd, pathDirs: [path.join(root, 'usr', 'sbin'), path.join(root, 'usr', 'bin')], version: versionOf(dockerd) };
  } else {
    throw new Error(`WHARF_TEST_ENGINE=${name}: the harness knows 20.10 (Debian 12) and 26.1 (Debian 13)`);
  }
  if (!chosen.version.includes(chosen.name)) throw new Error(`WHARF_TEST_ENGINE=${name} but ${chosen.dockerd} says: ${chosen.version}`);
  process.stderr.write(`harness: private engines run ${chosen.version} (${chosen.dockerd})\n`);
  return chosen;
}
