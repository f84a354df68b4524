/**
 * The argv and environment of every compose command Wharf runs. The argv is built from validated parts only (project
 * names, absolute paths, service names) and run with execFile/spawn, never a shell. The environment points compose at
 * the engine Wharf uses: a real docker context by DOCKER_CONTEXT (its TLS material comes with it), anything else by
 * DOCKER_HOST; what would silently change the project (COMPOSE_FILE, COMPOSE_PROJECT_NAME…) is dropped.
 */
import { DEFAULT_CONTEXT, ROOTLESS_ENGINE } from '../../../shared/engines';
import type { EngineEndpoint } from '../../../shared/engine';

/** Which project a command works on: by name (from the labels), and by its files when they are on this machine. */
export interface ProjectTarget {
  name?: string;
  files?: readonly string[];
  workingDir?: string;
}

/** `-p NAME -f FILE… --project-directory DIR`, each part only when known. */
export function projectArgs(target: ProjectTarget): string[] {
  const args: string[] = [];
  if (target.name) args.push('-p', target.name);
  for (const file of target.files ?? []) args.push('-f', file);
  if (target.workingDir && (target.files?.length ?? 0) > 0) args.push('--project-directory', target.workingDir);
  return args;
}

/** Flags that make compose's output plain text Wharf can read line by line (not part of the command shown). */
export const PLAIN_OUTPUT = ['--ansi', 'never', '--progress', 'plain'];

/** The command as the user would type it: `docker compose …` for the plugin, `docker-compose …` for a standalone. */
export function displayCommand(kind: 'plugin' | 'standalone', args: readonly string[]): string[] {
  return [...(kind === 'plugin' ? ['docker', 'compose'] : ['docker-compose']), ...args];
}

/** Variables compose reads that would make it act on other files or another project than the one shown. */
const DROPPED = ['COMPOSE_FILE', 'COMPOSE_PROJECT_NAME', 'COMPOSE_PROFILES', 'COMPOSE_PATH_SEPARATOR', 'COMPOSE_ANSI', 'COMPOSE_PROGRESS', 'COMPOSE_STATUS_STDOUT', 'DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH'];

/** The engine compose must talk to: the docker context by name when it is one, else the endpoint's host. */
export function composeEnv(env: Record<string, string | undefined>, engine: { name: string; endpoint: EngineEndpoint }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && !DROPPED.includes(key)) out[key] = value;
  const isContext = engine.name !== DEFAULT_CONTEXT && engine.name !== ROOTLESS_ENGINE && engine.endpoint.source !== 'flag' && engine.endpoint.source !== 'DOCKER_HOST';
  if (isContext) out.DOCKER_CONTEXT = engine.name;
  else out.DOCKER_HOST = engine.endpoint.host;
  // TLS given by DOCKER_CERT_PATH / DOCKER_TLS_VERIFY at launch (no context) stays with that host.
  if (!isContext && engine.endpoint.tls) {
    if (env.DOCKER_CERT_PATH) out.DOCKER_CERT_PATH = env.DOCKER_CERT_PATH;
    if (env.DOCKER_TLS_VERIFY) out.DOCKER_TLS_VERIFY = env.DOCKER_TLS_VERIFY;
  }
  out.LC_ALL = 'C';
  return out;
}
