/**
 * Debian 13's docker-compose 2.26 (from the second-engine cache, scripts/fetch-test-engine.sh) as a docker CLI plugin
 * in a DOCKER_CONFIG folder of the test's own: Wharf and the CLI oracle both find it there, and nothing of the user's
 * ~/.docker is read or written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { engineCacheDir } from './test-engine';

export const COMPOSE_PLUGIN = path.join(engineCacheDir(), 'trixie', 'root', 'usr', 'libexec', 'docker', 'cli-plugins', 'docker-compose');

/** Makes `dir` a DOCKER_CONFIG whose cli-plugins hold compose; fails loudly when the cache does not have it. */
export function composeConfigDir(dir: string): string {
  if (!fs.existsSync(COMPOSE_PLUGIN)) throw new Error(`docker-compose 2.26 is not at ${COMPOSE_PLUGIN}: run scripts/fetch-test-engine.sh (npm test and .ci/run do)`);
  fs.mkdirSync(path.join(dir, 'cli-plugins'), { recursive: true });
  const link = path.join(dir, 'cli-plugins', 'docker-compose');
  if (!fs.existsSync(link)) fs.symlinkSync(COMPOSE_PLUGIN, link);
  return dir;
}
