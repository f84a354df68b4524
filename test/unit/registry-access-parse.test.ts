import { describe, expect, it } from 'vitest';
import {
  DOCKER_HUB_KEY,
  classifyNetworkError,
  classifyStatus,
  parseNextLink,
  parseRegistryAddress,
  parseWwwAuthenticate,
  splitImage,
} from '../../src/main/core/registry-access/registry-parse';

describe('WWW-Authenticate as registries send it', () => {
  it('reads Docker Hub’s bearer challenge', () => {
    expect(parseWwwAuthenticate('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/busybox:pull' } },
    ]);
  });
  it('keeps commas and escaped quotes inside quoted values, and unquoted values', () => {
    expect(parseWwwAuthenticate('Bearer realm="https://x/token",scope="repository:a:pull,push",error=insufficient_scope,note="say \\"hi\\""')[0]?.params).toEqual({
      realm: 'https://x/token',
      scope: 'repository:a:pull,push',
      error: 'insufficient_scope',
      note: 'say "hi"',
    });
  });
  it('reads Basic (htpasswd) and several challenges in one header', () => {
    expect(parseWwwAuthenticate('Basic realm="wharf-test"')).toEqual([{ scheme: 'basic', params: { realm: 'wharf-test' } }]);
    expect(parseWwwAuthenticate('Basic realm="a", Bearer realm="https://t/token", service="s"').map((c) => c.scheme)).toEqual(['basic', 'bearer']);
  });
  it('gives nothing for an empty header', () => {
    expect(parseWwwAuthenticate('')).toEqual([]);
  });
});

describe('Link header pagination', () => {
  it('reads the next page of /v2/_catalog', () => {
    expect(parseNextLink('</v2/_catalog?last=team%2Ftools&n=2>; rel="next"')).toEqual({ last: 'team/tools', n: 2 });
  });
  it('finds rel=next among several links, absolute or not', () => {
    expect(parseNextLink('<https://r.example/v2/a/tags/list?n=1&last=1.0>; rel="prev", <https://r.example/v2/a/tags/list?n=1&last=1.1>; rel="next"')).toEqual({ last: '1.1', n: 1 });
  });
  it('no header or no next = the last page', () => {
    expect(parseNextLink(undefined)).toBeUndefined();
    expect(parseNextLink('</v2/_catalog?last=a>; rel="prev"')).toBeUndefined();
  });
});

describe('registry addresses as typed', () => {
  it('stores logins under host:port like the docker CLI; loopback may fall back to HTTP', () => {
    expect(parseRegistryAddress('127.0.0.1:5000')).toEqual({ key: '127.0.0.1:5000', host: '127.0.0.1:5000', schemes: ['https', 'http'] });
    expect(parseRegistryAddress('localhost:5000')).toMatchObject({ schemes: ['https', 'http'] });
    expect(parseRegistryAddress('http://10.0.0.5:5000/')).toEqual({ key: '10.0.0.5:5000', host: '10.0.0.5:5000', schemes: ['http'] });
    expect(parseRegistryAddress('registry.example.com')).toEqual({ key: 'registry.example.com', host: 'registry.example.com', schemes: ['https'] });
    expect(parseRegistryAddress('https://Registry.Example.com/v2/')).toMatchObject({ key: 'registry.example.com', schemes: ['https'] });
  });
  it('Docker Hub under the CLI’s key', () => {
    for (const hub of ['docker.io', 'index.docker.io', 'https://index.docker.io/v1/', 'registry-1.docker.io']) {
      expect(parseRegistryAddress(hub)).toEqual({ key: DOCKER_HUB_KEY, host: 'registry-1.docker.io', schemes: ['https'] });
    }
  });
  it('refuses other schemes and things that are no host', () => {
    expect(() => parseRegistryAddress('ftp://x:21')).toThrow(/scheme/);
    expect(() => parseRegistryAddress('a b')).toThrow();
    expect(() => parseRegistryAddress('-bad-.example')).toThrow();
  });
});

describe('speed test outcomes', () => {
  it('by HTTP status', () => {
    expect(classifyStatus(200)).toBeUndefined();
    expect(classifyStatus(307)).toBeUndefined();
    expect([401, 403, 404, 429, 500, 502].map(classifyStatus)).toEqual(['unauthorized', 'forbidden', 'not-found', 'rate-limited', 'other', 'other']);
  });
  it('by network error', () => {
    expect(classifyNetworkError('ECONNREFUSED')).toBe('unreachable');
    expect(classifyNetworkError('ENOTFOUND')).toBe('unreachable');
    expect(classifyNetworkError('TIMEOUT')).toBe('timeout');
    expect(classifyNetworkError('ETIMEDOUT')).toBe('timeout');
    expect(classifyNetworkError('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('tls-error');
    expect(classifyNetworkError('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('tls-error');
    expect(classifyNetworkError('EPROTO')).toBe('tls-error');
    expect(classifyNetworkError('CERT_HAS_EXPIRED')).toBe('tls-error');
    expect(classifyNetworkError('EWHATEVER')).toBe('other');
  });
  it('splits the test image into name and reference', () => {
    expect(splitImage('library/busybox:latest')).toEqual({ name: 'library/busybox', reference: 'latest' });
    expect(splitImage('library/busybox')).toEqual({ name: 'library/busybox', reference: 'latest' });
    expect(splitImage('team/app@sha256:abc')).toEqual({ name: 'team/app', reference: 'sha256:abc' });
  });
});
