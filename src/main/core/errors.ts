import type { EngineForbiddenDetails } from '../../shared/engine-failure';
import type { ErrorCode, WharfErrorInfo } from '../../shared/errors';

/** An error that carries one of the contract's codes; everything a handler throws becomes one of these. */
export class WharfError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'WharfError';
    this.code = code;
    this.details = details;
  }
}

interface ErrorLike {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  json?: unknown;
  reason?: unknown;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']);

/** String(x) without throwing (an object without a prototype has no toString). */
function describe(value: unknown): string {
  try {
    return String(value);
  } catch {
    // A value whose toString throws or is missing: still describe it.
    return Object.prototype.toString.call(value);
  }
}

/** The engine's own message from a dockerode HTTP error ({"message": "..."} body), else the error's. */
function engineMessage(e: ErrorLike): string {
  const json = e.json;
  if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') return json.message;
  return typeof e.message === 'string' ? e.message : describe(e);
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

/** Maps anything thrown (WharfError, dockerode HTTP errors, Node system errors, AbortError) to the envelope's error. */
export function toErrorInfo(error: unknown): WharfErrorInfo {
  if (error instanceof WharfError) {
    return error.details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details: error.details };
  }
  if (error && typeof error === 'object') {
    const e = error as ErrorLike;
    if ((error as Error).name === 'AbortError') return { code: 'cancelled', message: 'cancelled' };
    if (e.statusCode === 403) {
      // The engine refuses the operation (an authorization plugin, a protected object such as a built-in network).
      const details: EngineForbiddenDetails = { reason: 'engine-forbidden' };
      return { code: 'failed', message: engineMessage(e), details };
    }
    if (typeof e.statusCode === 'number') return { code: codeForStatus(e.statusCode), message: engineMessage(e) };
    if (e.code === 'EACCES' || e.code === 'EPERM') return { code: 'permission-denied', message: engineMessage(e) };
    if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return { code: 'engine-unreachable', message: engineMessage(e) };
    return { code: 'failed', message: engineMessage(e) };
  }
  return { code: 'failed', message: describe(error) };
}
