/** A docker host string (as in DOCKER_HOST / docker -H) becomes the right dockerode connection options. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineEndpoint } from '../../src/shared/engine';
import { dockerOptionsFor, socketPathOf } from '../../src/main/core/engine/docker-client';
import { WharfError } from '../../src/main/core/errors';

const at = (host: string, tls?: EngineEndpoint['tls']): EngineEndpoint => (tls ? { host, source: 'DOCKER_HOST', tls } : { host, source: 'DOCKER_HOST' });

describe('dockerOptionsFor', () => {
  it('unix:// → the socket path', () => {
    expect(dockerOptionsFor(at('unix:///var/run/docker.sock'))).toMatchObject({ socketPath: '/var/run/docker.sock' });
    expect(dockerOptionsFor(at('unix:///run/user/1000/docker.sock'))).toMatchObject({ socketPath: '/run/user/1000/docker.sock' });
  });

  it('a unix socket has no host or port', () => {
    const options = dockerOptionsFor(at('unix:///var/run/docker.sock'));
    expect(options.host).toBeUndefined();
    expect(options.port).toBeUndefined();
  });

  it('tcp:// without TLS → plain http, port 2375 by default', () => {
    expect(dockerOptionsFor(at('tcp://10.0.0.5'))).toMatchObject({ protocol: 'http', host: '10.0.0.5', port: '2375' });
  });

  it('tcp:// keeps an explicit port', () => {
    expect(dockerOptionsFor(at('tcp://build.example:12375'))).toMatchObject({ protocol: 'http', host: 'build.example', port: '12375' });
  });

  it('https:// → https, port 2376 by default', () => {
    expect(dockerOptionsFor(at('https://secure.example'))).toMatchObject({ protocol: 'https', host: 'secure.example', port: '2376' });
  });

  it('tcp:// with TLS → https, port 2376 by default', () => {
    expect(dockerOptionsFor(at('tcp://secure.example', { verify: true }))).toMatchObject({ protocol: 'https', host: 'secure.example', port: '2376' });
  });

  describe('with TLS files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-unit-tls-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('loads the CA, certificate and key named by the endpoint', () => {
      for (const part of ['ca', 'cert', 'key']) writeFileSync(join(dir, `${part}.pem`), `${part} material`);
      const options = dockerOptionsFor(
        at('tcp://secure.example:2376', { caPath: join(dir, 'ca.pem'), certPath: join(dir, 'cert.pem'), keyPath: join(dir, 'key.pem'), verify: true }),
      );
      expect(String(options.ca)).toBe('ca material');
      expect(String(options.cert)).toBe('cert material');
      expect(String(options.key)).toBe('key material');
    });
  });

  it('ssh://user@host → HTTP over the user\'s ssh running `docker system dial-stdio`, one pooled agent per endpoint', () => {
    const options = dockerOptionsFor(at('ssh://ops@server.example')) as { protocol?: string; agent?: unknown };
    expect(options.protocol).toBe('http');
    expect(options.agent).toBeDefined();
    expect((dockerOptionsFor(at('ssh://ops@server.example')) as { agent?: unknown }).agent).toBe(options.agent);
    expect((dockerOptionsFor(at('ssh://ops@server.example:2222')) as { agent?: unknown }).agent).not.toBe(options.agent);
  });

  it.each(['ftp://server.example', 'npipe:////./pipe/docker_engine', 'fd://', 'not a host', ''])('%j is an invalid-input WharfError', (host) => {
    let thrown: unknown;
    try {
      dockerOptionsFor(at(host));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WharfError);
    expect((thrown as WharfError).code).toBe('invalid-input');
  });

  it('pins the API version: "1.41" → "v1.41"', () => {
    expect(dockerOptionsFor(at('unix:///var/run/docker.sock'), '1.41').version).toBe('v1.41');
    expect(dockerOptionsFor(at('tcp://10.0.0.5:2375'), '1.50').version).toBe('v1.50');
    expect(dockerOptionsFor(at('ssh://ops@server.example'), '1.43').version).toBe('v1.43');
  });

  it('leaves the version unset before negotiation', () => {
    expect(dockerOptionsFor(at('unix:///var/run/docker.sock')).version).toBeUndefined();
  });
});

describe('socketPathOf', () => {
  it('is the path of a local socket and nothing for remote engines', () => {
    expect(socketPathOf(at('unix:///var/run/docker.sock'))).toBe('/var/run/docker.sock');
    expect(socketPathOf(at('tcp://10.0.0.5:2375'))).toBeUndefined();
    expect(socketPathOf(at('ssh://ops@server.example'))).toBeUndefined();
  });
});
