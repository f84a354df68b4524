/** The closed set of error codes every channel may answer. The renderer maps each to a translated message. */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'engine-unreachable',
  'permission-denied',
  'cancelled',
  'timeout',
  'unsupported',
  'failed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WharfErrorInfo {
  code: ErrorCode;
  /** Developer-facing detail (English, from the engine or the OS). The UI shows it under the translated message. */
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WharfErrorInfo };

export function okEnvelope<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function errorEnvelope(code: ErrorCode, message: string, details?: unknown): Envelope<never> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Checks that a parsed value is a result envelope before anyone trusts it (the web client; the fuzz suite). */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok: unknown = Reflect.get(value, 'ok');
  if (ok === true) return 'value' in value;
  if (ok !== false) return false;
  const error: unknown = Reflect.get(value, 'error');
  if (typeof error !== 'object' || error === null) return false;
  return isErrorCode(Reflect.get(error, 'code')) && typeof Reflect.get(error, 'message') === 'string';
}
