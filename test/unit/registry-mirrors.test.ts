/** Mirror and insecure-registry entries are checked the way dockerd would take them, before anything is written. */
import { describe, expect, it } from 'vitest';
import { mirrorFromPattern } from '../../src/shared/mirror-presets';
import { checkEntries, checkInsecureEntry, checkMirrorEntry } from '../../src/shared/registry-mirrors';

describe('mirror entries', () => {
  it.each([
    ['https://docker.m.daocloud.io', 'https://docker.m.daocloud.io'],
    ['  https://Docker.M.DaoCloud.io/  ', 'https://docker.m.daocloud.io'],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['https://abc123.mirror.aliyuncs.com/', 'https://abc123.mirror.aliyuncs.com'],
  ])('%j is written as %j', (input, value) => {
    expect(checkMirrorEntry(input)).toMatchObject({ value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['docker.m.daocloud.io', 'scheme'],
    ['ftp://mirror.example.com', 'unsupported-scheme'],
    ['socks5://127.0.0.1:1080', 'unsupported-scheme'],
    ['http://a b', 'not-a-url'],
    ['http://a%20b', 'not-a-url'],
    ['https://mirror.example.com/v2/', 'path'],
    ['https://mirror.example.com/?a=b', 'path'],
    ['https://user:pw@mirror.example.com', 'credentials'],
    ['https://', 'not-a-url'],
    ['mirror.example.com/v2', 'scheme'],
    ['not a url at all', 'not-a-url'],
  ])('%j is refused: %s', (input, problem) => {
    expect(checkMirrorEntry(input)).toEqual({ input, problem });
  });

  it('notes a plain-HTTP mirror that is not on loopback (the engine refuses it unless insecure)', () => {
    expect(checkMirrorEntry('http://10.0.0.5:5000').note).toBe('plain-http-mirror');
    expect(checkMirrorEntry('http://127.0.0.1:5000').note).toBeUndefined();
  });

  it('marks repeats after normalization as duplicates', () => {
    const checks = checkEntries(['https://a.example', 'https://A.example/', 'https://b.example'], checkMirrorEntry);
    expect(checks.map((c) => c.problem)).toEqual([undefined, 'duplicate', undefined]);
  });
});

describe('insecure-registries entries', () => {
  it.each([
    ['10.21.3.4:5000', '10.21.3.4:5000'],
    ['registry.corp.local:5000', 'registry.corp.local:5000'],
    ['Registry.Corp.Local', 'registry.corp.local'],
    ['20.26.38.47:5000', '20.26.38.47:5000'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['192.168.10.0/24', '192.168.10.0/24'],
    ['[fd00::1]:5000', '[fd00::1]:5000'],
    ['fd00::/8', 'fd00::/8'],
  ])('%j is written as %j', (input, value) => {
    expect(checkInsecureEntry(input)).toMatchObject({ value });
  });

  it.each([
    ['', 'empty'],
    ['http://10.0.0.5:5000', 'has-scheme'],
    ['10.0.0.5:99999', 'bad-port'],
    ['10.0.0.5:0', 'bad-port'],
    ['10.0.0.5:abc', 'bad-port'],
    ['10.0.0.0/33', 'bad-cidr'],
    ['300.0.0.0/8', 'bad-cidr'],
    ['bad_host!:5000', 'not-host-or-cidr'],
    ['a:b:c', 'not-host-or-cidr'],
  ])('%j is refused: %s', (input, problem) => {
    expect(checkInsecureEntry(input)).toEqual({ input, problem });
  });

  it('says that loopback needs no entry (Docker exempts 127.0.0.0/8)', () => {
    expect(checkInsecureEntry('127.0.0.1:5000').note).toBe('loopback-not-needed');
    expect(checkInsecureEntry('localhost:5000').note).toBe('loopback-not-needed');
    expect(checkInsecureEntry('127.0.0.0/8').note).toBe('loopback-not-needed');
  });
});

describe('an address from a preset\'s pattern', () => {
  it.each([
    ['https://abc123xy.mirror.aliyuncs.com', 'https://abc123xy.mirror.aliyuncs.com'],
    ['abc123xy.mirror.aliyuncs.com/', 'https://abc123xy.mirror.aliyuncs.com'],
    ['  ABC123XY  ', 'https://abc123xy.mirror.aliyuncs.com'],
    ['https://evil.example.com', undefined],
    ['abc.def', undefined],
  ])('Aliyun address from %j', (pasted, url) => {
    expect(mirrorFromPattern('https://<your-id>.mirror.aliyuncs.com', pasted)).toBe(url);
  });
});
