import { DOCKER_CLI_DEBIAN } from './constants';
import { run, type ExecResult } from './exec';
import { defaultDockerCli } from './preconditions';

export interface CliOptions {
  input?: string | Buffer;
  /** 'new' = /usr/local/bin/docker (28.x, default); 'debian' = /usr/bin/docker (20.10, has BuildKit built in). */
  cli?: 'new' | 'debian';
  env?: Record<string, string>;
  timeoutMs?: number;
}

export type CliResult = ExecResult;

export interface CliTarget {
  /** 'unix:///…/docker.sock' */
  host: string;
  /** A private DOCKER_CONFIG directory (never the user's ~/.docker). */
  configDir: string;
}

/** Environment for a docker CLI that can only reach the given engine. */
export function dockerCliEnv(target: CliTarget, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS', 'DOCKER_BUILDKIT']) {
    delete env[key];
  }
  return {
    ...env,
    DOCKER_HOST: target.host,
    DOCKER_CONFIG: target.configDir,
    DOCKER_CLI_HINTS: 'false',
    ...extra,
  };
}

/** Runs the docker CLI by argv against the target engine; resolves whatever the exit code. */
export function runDockerCli(target: CliTarget, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const file = options.cli === 'debian' ? DOCKER_CLI_DEBIAN : defaultDockerCli();
  return run(file, args, {
    env: dockerCliEnv(target, options.env),
    timeoutMs: options.timeoutMs ?? 120_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
}

/** Like runDockerCli() but throws with stderr on a non-zero exit. */
export async function runDockerCliOk(
  target: CliTarget,
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliResult> {
  const result = await runDockerCli(target, args, options);
  if (result.code !== 0) {
    throw new Error(`docker ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.trim()}`);
  }
  return result;
}
