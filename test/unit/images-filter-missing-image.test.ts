/** A since/before filter naming an image the engine lacks is a problem of that field, not a failed list. */
import { describe, expect, it } from 'vitest';
import { missingFilterImage } from '../../src/renderer/src/pages/images/filter-problem';

const input = (filters: { since?: string; before?: string }): { all: boolean; filters: typeof filters } => ({ all: false, filters });
const notFound = (ref: string): { code: 'not-found'; message: string } => ({ code: 'not-found', message: `No such image: ${ref}` });

describe('missingFilterImage', () => {
  it('names the field whose image the engine did not find', () => {
    expect(missingFilterImage(input({ since: 'nosuch:tag' }), notFound('nosuch:tag'))).toBe('since');
    expect(missingFilterImage(input({ since: 'busybox:latest', before: 'gone:1' }), notFound('gone:1'))).toBe('before');
  });

  it('leaves every other failure to the list notice', () => {
    expect(missingFilterImage(input({ since: 'nosuch:tag' }), null)).toBeNull();
    expect(missingFilterImage(input({ since: 'nosuch:tag' }), { code: 'engine-unreachable', message: 'No such image: nosuch:tag' })).toBeNull();
    expect(missingFilterImage(input({}), notFound('nosuch:tag'))).toBeNull();
    expect(missingFilterImage(input({ since: 'other:1' }), notFound('nosuch:tag'))).toBeNull();
  });
});
