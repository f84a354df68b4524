import type { WharfErrorInfo } from '../../../../shared/errors';
import type { ImageListInput } from '../../../../shared/images';

/**
 * The filter whose image the engine did not find: `since=nosuch:tag` makes the whole list answer 404 "No such
 * image: nosuch:tag". That belongs at the since (or before) field, not in a "could not load" notice with Retry.
 */
export function missingFilterImage(input: ImageListInput, error: WharfErrorInfo | null): 'since' | 'before' | null {
  if (error?.code !== 'not-found') return null;
  for (const field of ['since', 'before'] as const) {
    const value = input.filters[field];
    if (value && error.message.includes(`No such image: ${value}`)) return field;
  }
  return null;
}
