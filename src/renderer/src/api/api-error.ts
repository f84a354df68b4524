import type { ErrorCode, WharfErrorInfo } from '../../../shared/errors';

/** Thrown by unwrap: carries the envelope's error so the UI can translate its code. */
export class WharfApiError extends Error {
  readonly code: ErrorCode;
  readonly info: WharfErrorInfo;

  constructor(info: WharfErrorInfo) {
    super(info.message);
    this.name = 'WharfApiError';
    this.code = info.code;
    this.info = info;
  }
}

/** The error info of anything caught: a WharfApiError's own, or a 'failed' one for the unexpected. */
export function toErrorInfo(error: unknown): WharfErrorInfo {
  if (error instanceof WharfApiError) return error.info;
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}
