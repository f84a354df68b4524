/**
 * Which compose Wharf runs, the way a user's shell would find it: the docker CLI's compose plugin (`docker compose`),
 * else a `docker-compose` v2 binary on PATH. A `docker-compose` 1.x (Python) is found and named, never run for work.
 * Only regular executable files count (a folder called docker-compose on PATH is not a tool). The version is asked
 * without DOCKER_HOST/DOCKER_CONTEXT: a broken engine setting must not hide an installed compose.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { ComposeTool } from '../../../shared/compose';

const VERSION_TIMEOUT_MS = 10_000;

/** The docker CLI's plugin folders, in its order (cli-plugins/manager: the user's config, then the system's). */
export function pluginDirs(env: Record<string, string | undefined>, home: string): string[] {
  const config = env.DOCKER_CONFIG || join(home, '.docker');
  return [join(config, 'cli-plugins'), '/usr/local/lib/docker/cli-plugins', '/usr/local/libexec/docker/cli-plugins', '/usr/lib/docker/cli-plugins', '/usr/libexec/docker/cli-plugins'];
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first regular executable file called `name` in dirs. */
export function firstExecutable(name: string, dirs: readonly string[]): string | undefined {
  return dirs.map((dir) => join(dir, name)).find(isExecutableFile);
}

/** PATH's absolute folders. */
export function pathDirs(env: Record<string, string | undefined>): string[] {
  return (env.PATH ?? '').split(delimiter).filter((d) => d.startsWith('/'));
}

/** "2.26.1" from `version --short` ("v2.26.1", "2.26.1+ds1-0+deb13u1", "1.29.2"); undefined when it is not a version. */
export function composeVersionOf(output: string): string | undefined {
  const match = /^v?(\d+\.\d+\.\d+)/.exec(output.trim());
  return match?.[1];
}

/** The environment for asking a version: the user's, without what selects an engine. */
function versionEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const { DOCKER_HOST: _host, DOCKER_CONTEXT: _context, ...rest } = env;
  return { ...rest, LC_ALL: 'C' };
}

function askVersion(file: string, args: string[], env: Record<string, string | undefined>): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: VERSION_TIMEOUT_MS, env: versionEnv(env) }, (error, stdout) => resolve(error ? undefined : composeVersionOf(stdout)));
  });
}

export async function findComposeTool(env: Record<string, string | undefined>, home: string): Promise<ComposeTool> {
  const docker = firstExecutable('docker', pathDirs(env));
  const plugin = firstExecutable('docker-compose', pluginDirs(env, home));
  if (docker && plugin) {
    const version = await askVersion(docker, ['compose', 'version', '--short'], env);
    if (version && !version.startsWith('1.')) return { kind: 'plugin', version, path: plugin, command: [docker, 'compose'] };
  }
  const standalone = firstExecutable('docker-compose', pathDirs(env));
  if (standalone) {
    const version = await askVersion(standalone, ['version', '--short'], env);
    if (version?.startsWith('1.')) return { kind: 'v1', version, path: standalone };
    if (version) return { kind: 'standalone', version, path: standalone, command: [standalone] };
  }
  return { kind: 'none' };
}
