/**
 * Which engine Wharf talks to, in the docker CLI's order: --host flag > DOCKER_HOST > DOCKER_CONTEXT >
 * currentContext in config.json > (Wharf) the rootless socket $XDG_RUNTIME_DIR/docker.sock > /var/run/docker.sock.
 * Contexts live where the CLI keeps them: <config dir>/contexts/meta/<sha256(name)>/meta.json, TLS
 * material in <config dir>/contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EndpointInputs } from '../../src/main/core/engine/resolve-endpoint';
import { resolveEndpoint } from '../../src/main/core/engine/resolve-endpoint';
import { WharfError } from '../../src/main/core/errors';

const HOME = '/home/ada';
const RUNTIME_DIR = '/run/user/1000';

const sha256 = (name: string): string => createHash('sha256').update(name).digest('hex');

/** An in-memory file system: path → content (directories are implied). */
type Files = Record<string, string>;

function inputs(files: Files, env: Record<string, string | undefined> = {}, flagHost?: string): EndpointInputs {
  return {
    flagHost,
    env,
    homeDir: HOME,
    readFile: (path) => files[path],
    exists: (path) => path in files,
  };
}

function contextFiles(configDir: string, name: string, host: string, extra: { skipTLSVerify?: boolean; tls?: Array<'ca' | 'cert' | 'key'> } = {}): Files {
  const digest = sha256(name);
  const files: Files = {
    [`${configDir}/contexts/meta/${digest}/meta.json`]: JSON.stringify({
      Name: name,
      Metadata: {},
      Endpoints: { docker: { Host: host, SkipTLSVerify: extra.skipTLSVerify ?? false } },
    }),
  };
  for (const part of extra.tls ?? []) files[`${configDir}/contexts/tls/${digest}/docker/${part}.pem`] = `-----BEGIN ${part}-----`;
  return files;
}

function configJson(configDir: string, currentContext: string): Files {
  return { [`${configDir}/config.json`]: JSON.stringify({ auths: {}, currentContext }) };
}

function thrownBy(fn: () => unknown): WharfError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WharfError) return error;
    throw new Error(`expected a WharfError, got ${String(error)}`);
  }
  throw new Error('expected a WharfError, nothing was thrown');
}

describe('order of precedence', () => {
  const docker = `${HOME}/.docker`;
  // Every source configured at once, each pointing somewhere different.
  const everything: Files = {
    ...contextFiles(docker, 'from-env', 'ssh://ops@env-context.example'),
    ...contextFiles(docker, 'from-config', 'ssh://ops@config-context.example'),
    ...configJson(docker, 'from-config'),
    [`${RUNTIME_DIR}/docker.sock`]: '',
  };
  const env = { DOCKER_HOST: 'tcp://env-host.example:2375', DOCKER_CONTEXT: 'from-env', XDG_RUNTIME_DIR: RUNTIME_DIR };

  it('the --host flag wins over everything', () => {
    expect(resolveEndpoint(inputs(everything, env, 'unix:///tmp/flag.sock'))).toMatchObject({ host: 'unix:///tmp/flag.sock', source: 'flag' });
  });

  it('then DOCKER_HOST (it overrides DOCKER_CONTEXT, as in the CLI)', () => {
    expect(resolveEndpoint(inputs(everything, env))).toMatchObject({ host: 'tcp://env-host.example:2375', source: 'DOCKER_HOST' });
  });

  it('then DOCKER_CONTEXT (it overrides the current context of config.json)', () => {
    const { DOCKER_HOST: _h, ...rest } = env;
    expect(resolveEndpoint(inputs(everything, rest))).toEqual({ host: 'ssh://ops@env-context.example', source: 'DOCKER_CONTEXT', contextName: 'from-env' });
  });

  it('then currentContext from config.json', () => {
    const { DOCKER_HOST: _h, DOCKER_CONTEXT: _c, ...rest } = env;
    expect(resolveEndpoint(inputs(everything, rest))).toEqual({ host: 'ssh://ops@config-context.example', source: 'config-context', contextName: 'from-config' });
  });

  it('then the rootless socket in $XDG_RUNTIME_DIR, when it exists', () => {
    expect(resolveEndpoint(inputs({ [`${RUNTIME_DIR}/docker.sock`]: '' }, { XDG_RUNTIME_DIR: RUNTIME_DIR }))).toMatchObject({
      host: `unix://${RUNTIME_DIR}/docker.sock`,
      source: 'rootless',
    });
  });

  it('then /var/run/docker.sock', () => {
    expect(resolveEndpoint(inputs({}, {}))).toEqual({ host: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('does not pick a rootless socket that does not exist', () => {
    expect(resolveEndpoint(inputs({}, { XDG_RUNTIME_DIR: RUNTIME_DIR }))).toEqual({ host: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('treats empty variables as unset', () => {
    expect(resolveEndpoint(inputs({}, { DOCKER_HOST: '', DOCKER_CONTEXT: '' }))).toEqual({ host: 'unix:///var/run/docker.sock', source: 'default' });
  });
});

describe('docker contexts', () => {
  it('finds the context by the sha256 of its name under $DOCKER_CONFIG when it is set', () => {
    const configDir = '/etc/ada-docker';
    const files = { ...contextFiles(configDir, 'build-server', 'tcp://10.0.0.5:2375'), ...configJson(configDir, 'build-server') };
    expect(resolveEndpoint(inputs(files, { DOCKER_CONFIG: configDir }))).toMatchObject({ host: 'tcp://10.0.0.5:2375', contextName: 'build-server' });
    // …and not under ~/.docker then.
    const inHome = { ...contextFiles(`${HOME}/.docker`, 'build-server', 'tcp://10.0.0.5:2375'), ...configJson(`${HOME}/.docker`, 'build-server') };
    expect(resolveEndpoint(inputs(inHome, { DOCKER_CONFIG: configDir }))).toEqual({ host: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('a context name with non-ASCII characters is hashed as UTF-8, like the CLI', () => {
    const files = contextFiles(`${HOME}/.docker`, '测试服务器', 'ssh://root@test.example');
    expect(resolveEndpoint(inputs(files, { DOCKER_CONTEXT: '测试服务器' }))).toMatchObject({ host: 'ssh://root@test.example' });
  });

  it('"default" in DOCKER_CONTEXT means the default endpoint', () => {
    expect(resolveEndpoint(inputs({}, { DOCKER_CONTEXT: 'default' }))).toEqual({ host: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('"default" as currentContext means the default endpoint', () => {
    expect(resolveEndpoint(inputs(configJson(`${HOME}/.docker`, 'default'), {}))).toEqual({ host: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('a config.json without currentContext means the default endpoint', () => {
    const files = { [`${HOME}/.docker/config.json`]: JSON.stringify({ auths: { 'registry.example:5000': {} } }) };
    expect(resolveEndpoint(inputs(files, {}))).toEqual({ host: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('a DOCKER_CONTEXT that does not exist is a not-found error naming the context', () => {
    const error = thrownBy(() => resolveEndpoint(inputs({}, { DOCKER_CONTEXT: 'gone' })));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('gone');
  });

  it('a currentContext that does not exist is a not-found error', () => {
    expect(thrownBy(() => resolveEndpoint(inputs(configJson(`${HOME}/.docker`, 'gone'), {}))).code).toBe('not-found');
  });

  it('a broken meta.json is an invalid-input error', () => {
    const files = { [`${HOME}/.docker/contexts/meta/${sha256('broken')}/meta.json`]: '{"Name": "broken", ' };
    expect(thrownBy(() => resolveEndpoint(inputs(files, { DOCKER_CONTEXT: 'broken' }))).code).toBe('invalid-input');
  });

  it('a broken config.json is an invalid-input error', () => {
    const files = { [`${HOME}/.docker/config.json`]: '{ "currentContext": ' };
    expect(thrownBy(() => resolveEndpoint(inputs(files, {}))).code).toBe('invalid-input');
  });
});

describe('TLS', () => {
  const docker = `${HOME}/.docker`;
  const tlsDir = (name: string): string => `${docker}/contexts/tls/${sha256(name)}/docker`;

  it('takes ca/cert/key.pem from the context TLS directory', () => {
    const files = contextFiles(docker, 'secure', 'tcp://secure.example:2376', { tls: ['ca', 'cert', 'key'] });
    expect(resolveEndpoint(inputs(files, { DOCKER_CONTEXT: 'secure' })).tls).toEqual({
      caPath: `${tlsDir('secure')}/ca.pem`,
      certPath: `${tlsDir('secure')}/cert.pem`,
      keyPath: `${tlsDir('secure')}/key.pem`,
      verify: true,
    });
  });

  it('a context with SkipTLSVerify does not verify', () => {
    const files = contextFiles(docker, 'lab', 'tcp://lab.example:2376', { tls: ['ca', 'cert', 'key'], skipTLSVerify: true });
    expect(resolveEndpoint(inputs(files, { DOCKER_CONTEXT: 'lab' })).tls?.verify).toBe(false);
  });

  it('a context without TLS material has no TLS', () => {
    const files = contextFiles(docker, 'plain', 'tcp://plain.example:2375');
    expect(resolveEndpoint(inputs(files, { DOCKER_CONTEXT: 'plain' })).tls).toBeUndefined();
  });

  it('DOCKER_HOST=tcp:// with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH uses the certificates in that directory', () => {
    const env = { DOCKER_HOST: 'tcp://remote.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/opt/certs' };
    expect(resolveEndpoint(inputs({}, env)).tls).toEqual({ caPath: '/opt/certs/ca.pem', certPath: '/opt/certs/cert.pem', keyPath: '/opt/certs/key.pem', verify: true });
  });

  it('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH uses the certificates in ~/.docker, like the CLI', () => {
    // docker CLI: DOCKER_CERT_PATH defaults to the config dir (--tlscacert default ~/.docker/ca.pem).
    const env = { DOCKER_HOST: 'tcp://remote.example:2376', DOCKER_TLS_VERIFY: '1' };
    expect(resolveEndpoint(inputs({}, env)).tls).toEqual({ caPath: `${docker}/ca.pem`, certPath: `${docker}/cert.pem`, keyPath: `${docker}/key.pem`, verify: true });
  });

  it('TLS variables do not apply to a unix socket', () => {
    const env = { DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/opt/certs' };
    expect(resolveEndpoint(inputs({}, env)).tls).toBeUndefined();
  });

  it('the --host flag also takes TLS from the environment for tcp://', () => {
    const env = { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/opt/certs' };
    expect(resolveEndpoint(inputs({}, env, 'tcp://remote.example:2376')).tls).toMatchObject({ caPath: '/opt/certs/ca.pem', verify: true });
  });
});
