/**
 * The grammar every engine object name meets before it goes into an Engine API path, and how it is encoded there.
 * The oracle is the docker CLI's own answers, written out here (reference grammar of distribution/reference and
 * moby's RestrictedNamePattern).
 */
import { describe, expect, it } from 'vitest';
import { checkEngineName, encodeEnginePath } from '../../src/shared/engine-names';

describe('engine object names', () => {
  it.each([
    'busybox',
    'busybox:1.36',
    'library/busybox:latest',
    'localhost:5000/team/app:v1.0',
    'registry.example.com:443/a/b/c@sha256:' + 'a'.repeat(64),
    'sha256:' + 'b'.repeat(64),
    'b'.repeat(12),
  ])('image %s is accepted (docker image inspect takes it)', (name) => {
    expect(checkEngineName('image', name)).toEqual({ ok: true });
  });

  it.each([
    ['a//b', 'invalid-format'],
    ['http://busybox', 'invalid-format'],
    ['a/../b', 'invalid-format'],
    ['./busybox', 'invalid-format'],
    ['busybox?all=1', 'invalid-format'],
    ['busybox#x', 'invalid-format'],
    ['a/%2e%2e/b', 'invalid-format'],
    ['Busybox', 'uppercase'],
    ['ｂｕｓｙｂｏｘ', 'invalid-format'],
    ['busybox@sha256:abc', 'invalid-digest'],
    ['', 'empty'],
    ['a'.repeat(600), 'too-long'],
  ])('image %j is refused: %s', (name, problem) => {
    expect(checkEngineName('image', name)).toEqual({ ok: false, problem });
  });

  it.each(['container', 'volume', 'network'] as const)('%s names follow moby’s pattern and never make a dot segment', (kind) => {
    for (const good of ['web', 'web_1', 'my.app-2', 'a1b2c3']) expect(checkEngineName(kind, good)).toEqual({ ok: true });
    for (const bad of ['.', '..', '-x', '_x', 'a/b', 'a b', 'a?b', 'a#b', 'a%2e', 'ａ', 'a\u0000']) {
      expect(checkEngineName(kind, bad), bad).toEqual({ ok: false, problem: 'invalid-name' });
    }
  });

  it('exec IDs are the engine’s 64-hex IDs only', () => {
    expect(checkEngineName('exec', 'c'.repeat(64))).toEqual({ ok: true });
    expect(checkEngineName('exec', '../containers/x')).toEqual({ ok: false, problem: 'invalid-id' });
  });

  it('encodes each path segment and keeps the separators', () => {
    expect(encodeEnginePath('localhost:5000/team/app:v1.0')).toBe('localhost%3A5000/team/app%3Av1.0');
    expect(encodeEnginePath('a/b@sha256:' + 'a'.repeat(64))).toBe('a/b%40sha256%3A' + 'a'.repeat(64));
  });
});
