/** Prefix mirrors (the entries and the names they make) and pull failures explained from the engine's own words. */
import { describe, expect, it } from 'vitest';
import { parseReference } from '../../src/shared/image-reference';
import { checkPrefix, checkPrefixMirrors, checkSourceRegistry, prefixPullCommands, prefixedReference } from '../../src/shared/prefix-mirrors';
import { classifyPullFailure } from '../../src/shared/pull-failure';

const ref = (text: string) => {
  const parsed = parseReference(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};

describe('prefix mirrors', () => {
  it('the prefixed name keeps the source registry as its first path part; Docker Hub keeps library/', () => {
    expect(prefixedReference(ref('ghcr.io/org/app:1'), 'm.daocloud.io')).toBe('m.daocloud.io/ghcr.io/org/app:1');
    expect(prefixedReference(ref('registry.k8s.io/pause'), 'm.daocloud.io')).toBe('m.daocloud.io/registry.k8s.io/pause:latest');
    expect(prefixedReference(ref('busybox'), 'm.daocloud.io')).toBe('m.daocloud.io/docker.io/library/busybox:latest');
    // What it makes is a reference docker accepts.
    expect(parseReference(prefixedReference(ref('mcr.microsoft.com/dotnet/runtime:8.0'), '127.0.0.1:5000/hub')).ok).toBe(true);
    expect(prefixPullCommands('ghcr.io/org/app:1', 'm.daocloud.io/ghcr.io/org/app:1')).toEqual([
      ['docker', 'pull', 'm.daocloud.io/ghcr.io/org/app:1'],
      ['docker', 'tag', 'm.daocloud.io/ghcr.io/org/app:1', 'ghcr.io/org/app:1'],
      ['docker', 'rmi', 'm.daocloud.io/ghcr.io/org/app:1'],
    ]);
  });
  it('prefixes: a host, a port, path parts; no scheme, no bare word', () => {
    expect(checkPrefix(' m.daocloud.io/ ')).toEqual({ value: 'm.daocloud.io' });
    expect(checkPrefix('Mirror.Local:5000/hub')).toEqual({ value: 'mirror.local:5000/hub' });
    expect(checkPrefix('https://m.daocloud.io')).toEqual({ problem: 'has-scheme' });
    expect(checkPrefix('daocloud')).toEqual({ problem: 'not-a-host' });
    expect(checkPrefix('m.daocloud.io/Hub')).toEqual({ problem: 'bad-path' });
    expect(checkPrefix('')).toEqual({ problem: 'empty' });
    expect(checkSourceRegistry('GHCR.io')).toEqual({ value: 'ghcr.io' });
    expect(checkSourceRegistry('registry.local:5000')).toEqual({ problem: 'not-a-host' });
  });
  it('a list: each problem at its index; a prefix on the source itself is refused', () => {
    expect(checkPrefixMirrors([{ registry: 'ghcr.io', prefix: 'ghcr.io/x' }])).toEqual({ problems: [{ index: 0, field: 'prefix', problem: 'same-as-source' }] });
    expect(checkPrefixMirrors([{ registry: 'quay.io', prefix: 'm.daocloud.io' }])).toEqual({ value: [{ registry: 'quay.io', prefix: 'm.daocloud.io' }] });
  });
});

describe('pull failures, from what dockerd 20.10 and 26.1 said', () => {
  const viaPrefix = { registry: 'ghcr.io', viaPrefix: true, hubMirrors: [] };
  it('a mirror\'s allow-list: 403 with a JSON error or a plain body', () => {
    expect(classifyPullFailure("pull access denied for m.daocloud.io/ghcr.io/acme/tool, repository does not exist or may require 'docker login': denied: 不在白名单内", viaPrefix)).toBe('mirror-forbidden');
    expect(classifyPullFailure('error parsing HTTP 403 response body: invalid character \'ä\' looking for beginning of value: "不在白名单"', viaPrefix)).toBe('mirror-forbidden');
  });
  it('a rate limit, a timeout', () => {
    expect(classifyPullFailure('toomanyrequests: You have reached your pull rate limit.', { registry: 'docker.io', viaPrefix: false, hubMirrors: [] })).toBe('rate-limited');
    expect(classifyPullFailure('Get "https://m.daocloud.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)', viaPrefix)).toBe('timeout');
  });
  it('the engine went to Docker Hub: an error naming its hosts while mirrors are set', () => {
    const message = 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host';
    expect(classifyPullFailure(message, { registry: 'docker.io', viaPrefix: false, hubMirrors: ['https://docker.m.daocloud.io'] })).toBe('hub-fallback');
    // Without mirrors, it is Docker Hub's own failure, not a fallback.
    expect(classifyPullFailure(message, { registry: 'docker.io', viaPrefix: false, hubMirrors: [] })).toBeUndefined();
  });
  it('a direct pull that needs a login is not a mirror\'s allow-list', () => {
    expect(classifyPullFailure("pull access denied for private/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied", { registry: 'docker.io', viaPrefix: false, hubMirrors: [] })).toBeUndefined();
  });
});
