/** Engine API versions compare numerically, and negotiation uses min(server, newest tested) like the docker CLI. */
import { describe, expect, it } from 'vitest';
import { NEWEST_TESTED_API_VERSION, OLDEST_SUPPORTED_API_VERSION, compareApiVersions, negotiateApiVersion } from '../../src/shared/engine';

describe('compareApiVersions', () => {
  it('orders dotted versions', () => {
    expect(compareApiVersions('1.41', '1.50')).toBeLessThan(0);
    expect(compareApiVersions('1.50', '1.41')).toBeGreaterThan(0);
    expect(compareApiVersions('1.43', '1.43')).toBe(0);
  });

  it('compares each part as a number, not as text ("1.9" < "1.10")', () => {
    expect(compareApiVersions('1.9', '1.10')).toBeLessThan(0);
    expect(compareApiVersions('1.100', '1.99')).toBeGreaterThan(0);
    expect(compareApiVersions('2.0', '1.99')).toBeGreaterThan(0);
  });

  it('is antisymmetric', () => {
    const versions = ['1.9', '1.10', '1.24', '1.41', '1.44', '1.50', '1.51', '2.0'];
    for (const a of versions) for (const b of versions) expect(Math.sign(compareApiVersions(a, b)) + Math.sign(compareApiVersions(b, a))).toBe(0);
  });
});

describe('negotiateApiVersion', () => {
  it('uses the engine version when it is older than the newest Wharf has tested (Docker 20.10 → 1.41)', () => {
    expect(negotiateApiVersion('1.41')).toBe('1.41');
    expect(negotiateApiVersion('1.43')).toBe('1.43');
  });

  it('never goes above the newest tested version when the engine is newer', () => {
    expect(negotiateApiVersion('1.99')).toBe(NEWEST_TESTED_API_VERSION);
    expect(negotiateApiVersion('2.0')).toBe(NEWEST_TESTED_API_VERSION);
  });

  it('uses the newest tested version when the engine speaks exactly it', () => {
    expect(negotiateApiVersion(NEWEST_TESTED_API_VERSION)).toBe(NEWEST_TESTED_API_VERSION);
  });

  it('is min(server, newest tested) for every version from 1.24 to 1.70', () => {
    for (let minor = 24; minor <= 70; minor++) {
      const server = `1.${minor}`;
      const expected = compareApiVersions(server, NEWEST_TESTED_API_VERSION) <= 0 ? server : NEWEST_TESTED_API_VERSION;
      expect(negotiateApiVersion(server)).toBe(expected);
    }
  });

  it('the supported range is not empty', () => {
    expect(compareApiVersions(OLDEST_SUPPORTED_API_VERSION, NEWEST_TESTED_API_VERSION)).toBeLessThanOrEqual(0);
  });
});
