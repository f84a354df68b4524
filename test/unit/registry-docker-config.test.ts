import { describe, expect, it } from 'vitest';
import { configDirFrom, decodeAuth, encodeAuth, helperFor, withAuth } from '../../src/main/core/registry-access/docker-config';
import { rankMirrors, type MirrorSpeed } from '../../src/shared/registry-access';

describe('config.json auths like the docker CLI', () => {
  it('auth is base64 of user:password and decodes back (a colon in the password stays)', () => {
    expect(encodeAuth('alice', 'pa:ss')).toBe(Buffer.from('alice:pa:ss').toString('base64'));
    expect(decodeAuth(encodeAuth('alice', 'pa:ss'))).toEqual({ username: 'alice', secret: 'pa:ss' });
    expect(decodeAuth(undefined)).toBeUndefined();
    expect(decodeAuth(Buffer.from('nocolon').toString('base64'))).toBeUndefined();
  });

  it('changes one entry and keeps every other key and entry', () => {
    const config = { auths: { 'a:5000': { auth: 'eDp5' } }, psFormat: 'table', proxies: { default: { httpProxy: 'http://p' } }, credHelpers: { 'gcr.io': 'gcloud' } };
    const added = withAuth(config, 'b:5000', { auth: 'YjpD' });
    expect(added).toEqual({ ...config, auths: { 'a:5000': { auth: 'eDp5' }, 'b:5000': { auth: 'YjpD' } } });
    expect(config.auths).toEqual({ 'a:5000': { auth: 'eDp5' } }); // the input is not changed
    expect(withAuth(added, 'a:5000', undefined)).toEqual({ ...config, auths: { 'b:5000': { auth: 'YjpD' } } });
    expect(withAuth({}, 'c', { auth: 'x' })).toEqual({ auths: { c: { auth: 'x' } } });
  });

  it('credHelpers for the server wins over credsStore; none = the file', () => {
    const config = { credsStore: 'secretservice', credHelpers: { 'gcr.io': 'gcloud' } };
    expect(helperFor(config, 'gcr.io')).toBe('gcloud');
    expect(helperFor(config, 'registry.example.com')).toBe('secretservice');
    expect(helperFor({ credsStore: '' }, 'x')).toBeUndefined();
    expect(helperFor({}, 'x')).toBeUndefined();
  });

  it('the config folder: $DOCKER_CONFIG, else ~/.docker', () => {
    expect(configDirFrom({ DOCKER_CONFIG: '/tmp/cfg' }, '/home/u')).toBe('/tmp/cfg');
    expect(configDirFrom({}, '/home/u')).toBe('/home/u/.docker');
  });
});

describe('ranking speed test rows', () => {
  const row = (url: string, outcome: MirrorSpeed['outcome'], bytesPerSecond?: number, latencyMs?: number): Omit<MirrorSpeed, 'rank'> => ({
    url,
    outcome,
    tokenFlow: false,
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(bytesPerSecond !== undefined ? { blob: { digest: 'sha256:x', bytes: 1, ms: 1, bytesPerSecond } } : {}),
  });
  it('working mirrors first, faster first, then lower latency; failures after, by kind', () => {
    const ranked = rankMirrors([row('down', 'unreachable'), row('slow', 'ok', 1_000, 5), row('limited', 'rate-limited', undefined, 3), row('fast', 'ok', 9_000, 50), row('fast-near', 'ok', 9_000, 10)]);
    expect(ranked.map((r) => [r.rank, r.url])).toEqual([
      [1, 'fast-near'],
      [2, 'fast'],
      [3, 'slow'],
      [4, 'limited'],
      [5, 'down'],
    ]);
  });
});
