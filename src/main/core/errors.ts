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
  message?: unknown;
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

/** The error's own message, else what it says of itself. */
function messageOf(e: ErrorLike): string {
  return typeof e.message === 'string' ? e.message : describe(e);
}

/**
 * Maps anything thrown (WharfError — engine answers arrive as EngineError from engine/engine-errors.ts —, Node
 * system errors, AbortError) to the envelope's error.
 */
export function toErrorInfo(error: unknown): WharfErrorInfo {
  if (error instanceof WharfError) {
    return error.details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details: error.details };
  }
  if (error && typeof error === 'object') {
    const e = error as ErrorLike;
    if ((error as Error).name === 'AbortError') return { code: 'cancelled', message: 'cancelled' };
    if (e.code === 'EACCES' || e.code === 'EPERM') return { code: 'permission-denied', message: messageOf(e) };
    if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return { code: 'engine-unreachable', message: messageOf(e) };
    return { code: 'failed', message: messageOf(e) };
  }
  return { code: 'failed', message: describe(error) };
}
