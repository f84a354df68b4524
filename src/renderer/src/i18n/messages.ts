import type { TFunction } from 'i18next';
import type { WharfErrorInfo } from '../../../shared/errors';
import { isServerUnreachable } from '../api/server-unreachable';

/** The translated sentence for an error: by its code, or the web client's own "server unreachable". */
export function errorMessage(t: TFunction, error: WharfErrorInfo): string {
  if (isServerUnreachable(error.details)) return t('errors.serverUnreachable');
  return t(`errors.${error.code}`);
}

/**
 * Translates a key that comes from main at run time (task kinds and steps): falls back to the raw
 * text when the catalog has no such key, so a new kind still shows something meaningful.
 */
export function dynamicText(t: TFunction, key: string, fallback: string, values?: Record<string, string | number>): string {
  // The key is checked at run time, so the compile-time key type is relaxed here on purpose.
  const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
  return translate(key, { ...values, defaultValue: fallback });
}
