import { isErrorCode, type Envelope } from '../../../shared/errors';

/** Checks that a parsed body is a result envelope before the client trusts it. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok: unknown = Reflect.get(value, 'ok');
  if (ok === true) return 'value' in value;
  if (ok !== false) return false;
  const error: unknown = Reflect.get(value, 'error');
  if (typeof error !== 'object' || error === null) return false;
  return isErrorCode(Reflect.get(error, 'code')) && typeof Reflect.get(error, 'message') === 'string';
}
