/** `docker image ls -f …`: the engine filter JSON and the command line the CLI would use for the same filters. */
import { describe, expect, it } from 'vitest';
import { engineFiltersParam, imageListCommand, toEngineFilters } from '../../src/shared/image-filters';

describe('filters → engine filters JSON (docker/cli filters.ToJSON)', () => {
  it('sends no filters parameter when there is none', () => {
    expect(engineFiltersParam({})).toBeUndefined();
    expect(engineFiltersParam({ reference: [], label: [] })).toBeUndefined();
  });

  it('maps each filter to {"key":{"value":true}}', () => {
    expect(engineFiltersParam({ reference: ['busy*'] })).toBe('{"reference":{"busy*":true}}');
    expect(engineFiltersParam({ dangling: true })).toBe('{"dangling":{"true":true}}');
    expect(engineFiltersParam({ dangling: false })).toBe('{"dangling":{"false":true}}');
    expect(engineFiltersParam({ since: 'busybox:latest' })).toBe('{"since":{"busybox:latest":true}}');
    expect(engineFiltersParam({ before: '3f57d9401f8d' })).toBe('{"before":{"3f57d9401f8d":true}}');
    expect(engineFiltersParam({ label: ['tier', 'team=core'] })).toBe('{"label":{"team=core":true,"tier":true}}');
  });

  it('combines filters in one map with keys and values sorted like Go encodes a map', () => {
    expect(engineFiltersParam({ reference: ['b*', 'a*'], since: 'x:1', before: 'y:2', dangling: false, label: ['k=v'] })).toBe(
      '{"before":{"y:2":true},"dangling":{"false":true},"label":{"k=v":true},"reference":{"a*":true,"b*":true},"since":{"x:1":true}}',
    );
  });

  it('repeating a value keeps it once', () => {
    expect(toEngineFilters({ reference: ['a', 'a'] })).toEqual({ reference: { a: true } });
  });
});

describe('filters → the equivalent CLI argv', () => {
  it('is `docker image ls` without filters', () => {
    expect(imageListCommand({ filters: {}, all: false })).toEqual(['docker', 'image', 'ls']);
  });

  it('adds -a for intermediate images', () => {
    expect(imageListCommand({ filters: {}, all: true })).toEqual(['docker', 'image', 'ls', '-a']);
  });

  it('adds one -f key=value per filter value', () => {
    expect(
      imageListCommand({
        filters: { reference: ['busy*', '127.0.0.1:5000/ns/name:v1'], since: 'busybox', before: 'abc123', dangling: true, label: ['tier', 'team=core'] },
        all: true,
      }),
    ).toEqual([
      'docker', 'image', 'ls', '-a',
      '-f', 'reference=busy*',
      '-f', 'reference=127.0.0.1:5000/ns/name:v1',
      '-f', 'since=busybox',
      '-f', 'before=abc123',
      '-f', 'dangling=true',
      '-f', 'label=tier',
      '-f', 'label=team=core',
    ]);
  });
});
