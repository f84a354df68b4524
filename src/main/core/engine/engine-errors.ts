/** How an Engine API failure becomes the envelope's error: the one place that reads dockerode's HTTP errors. */
import type { EngineForbiddenDetails } from '../../../shared/engine-failure';
import type { ErrorCode } from '../../../shared/errors';
import { WharfError } from '../errors';

/** An engine answer other than success: the contract's code, the engine's own message, and the HTTP status. */
export class EngineError extends WharfError {
  readonly status: number;

  constructor(code: ErrorCode, message: string, status: number, details?: unknown) {
    super(code, message, details);
    this.name = 'EngineError';
    this.status = status;
  }
}

interface ModemError {
  statusCode?: unknown;
  message?: unknown;
  json?: unknown;
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'invalid-input';
  // 401: a registry refused the credentials the engine passed on (the login flow relies on this). 403 is not here:
  // permission-denied means EACCES on the socket, and the engine's 403 means it refuses the operation itself.
  if (status === 401) return 'permission-denied';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  return 'failed';
}

/** The engine's own message: the {"message": …} body, else modem's text without its "(HTTP code 400) … - " prefix. */
function engineMessage(error: ModemError): string {
  const json = error.json;
  if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') return json.message;
  if (typeof json === 'string' && json.trim() !== '') {
    try {
      const parsed = JSON.parse(json) as { message?: unknown };
      if (typeof parsed.message === 'string') return parsed.message;
    } catch {
      // Not JSON: the body is the message (a proxy's plain-text answer).
      return json.trim();
    }
  }
  return typeof error.message === 'string' ? error.message.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim() : 'the engine refused the request';
}

/**
 * Anything an Engine API call threw, as the envelope needs it: an HTTP answer becomes an EngineError with its code
 * (403 — the engine refusing the operation, e.g. an authorization plugin — stays apart from the socket's EACCES);
 * socket errors, aborts and WharfErrors pass through for toErrorInfo.
 */
export function engineError(error: unknown): unknown {
  if (error instanceof WharfError || !error || typeof error !== 'object') return error;
  const status = (error as ModemError).statusCode;
  if (typeof status !== 'number') return error;
  const message = engineMessage(error as ModemError);
  if (status === 403) {
    const details: EngineForbiddenDetails = { reason: 'engine-forbidden' };
    return new EngineError('failed', message, status, details);
  }
  return new EngineError(codeForStatus(status), message, status);
}

/** The engine said "nothing to do" (304: already started, already stopped). */
export function isNotModified(error: unknown): boolean {
  return error instanceof EngineError && error.status === 304;
}
