/**
 * humanSize is go-units HumanSize, which the docker CLI prints sizes with: decimal (1000) units
 * B, kB, MB, GB, TB, PB…, formatted with Go's "%.4g" (4 significant digits, no trailing zeros).
 */
import { describe, expect, it } from 'vitest';
import { humanSize } from '../../src/shared/disk-usage';
import { imageSize } from '../../src/shared/units';

describe('humanSize', () => {
  it.each([
    [0, '0B'],
    [1, '1B'],
    [999, '999B'],
    [1000, '1kB'],
    [1500, '1.5kB'],
    [1_982_464, '1.982MB'],
    [1_234_567_890, '1.235GB'],
    [5_000_000_000_000, '5TB'],
    [2_000_000_000_000_000, '2PB'],
  ])('%d bytes → %s', (bytes, expected) => {
    expect(humanSize(bytes)).toBe(expected);
  });

  it('uses 1000, not 1024, per unit', () => {
    expect(humanSize(1024)).toBe('1.024kB');
    expect(humanSize(1_048_576)).toBe('1.049MB');
  });

  it('keeps 4 significant digits and drops trailing zeros like %.4g', () => {
    expect(humanSize(12_340)).toBe('12.34kB');
    expect(humanSize(123_400)).toBe('123.4kB');
    expect(humanSize(100_000)).toBe('100kB');
  });

  it('rounds 999,999 up to "1000kB" within the unit, like go-units (no carry to the next unit)', () => {
    // getSizeAndUnit stops at 999.999 (< 1000) and %.4g then rounds it to 1000.
    expect(humanSize(999_999)).toBe('1000kB');
  });
});

describe('imageSize: go-units HumanSizeWithPrecision(size, 3), the SIZE column of docker image ls', () => {
  it.each([
    [0, '0B'],
    [1_982_464, '1.98MB'],
    [1_500, '1.5kB'],
    [999, '999B'],
    [123_456_789, '123MB'],
    // Go's %.3g switches to the exponent form when rounding reaches 1000: go-units prints it as is.
    [999_600, '1e+03kB'],
  ])('%d bytes → %s', (bytes, expected) => {
    expect(imageSize(bytes)).toBe(expected);
  });
});
