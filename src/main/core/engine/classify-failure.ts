import type { EngineEndpoint, EngineState } from '../../../shared/engine';
import { socketPathOf } from './docker-client';

/** What the classifier may look at besides the error: is the socket there, is docker installed at all. */
export interface FailureProbe {
  exists(path: string): boolean;
  dockerInstalled(): boolean;
}

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** Turns a failed connection attempt into the precise state the shell shows. */
export function classifyFailure(error: unknown, endpoint: EngineEndpoint, probe: FailureProbe): EngineState {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission-denied';
  const socketPath = socketPathOf(endpoint);
  if (socketPath === undefined) return 'unreachable';
  if (!probe.exists(socketPath) && !probe.dockerInstalled()) return 'not-installed';
  return 'not-running';
}
