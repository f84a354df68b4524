/**
 * `npm run serve -- [--host H] [--port P] [--docker-host URL] [--token-file PATH] [--tls-cert/--tls-key | --insecure-bind] …`:
 * defaults, both flag forms, refusals, and the rule for binding off loopback.
 */
import { describe, expect, it } from 'vitest';
import { ArgsError, parseServeArgs } from '../../src/main/web/args';
import { decideBind } from '../../src/main/web/bind-policy';

function refused(argv: string[]): unknown {
  try {
    parseServeArgs(argv);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseServeArgs', () => {
  it('binds 127.0.0.1:7370 by default, with no docker host or token given, a 60 s login URL and 10 s for headers', () => {
    const args = parseServeArgs([]);
    expect(args).toMatchObject({ host: '127.0.0.1', port: 7370, help: false, insecureBind: false, loginTtlSeconds: 60, headersTimeoutSeconds: 10 });
    expect(args.dockerHost).toBeUndefined();
    expect(args.token).toBeUndefined();
    expect(args.tokenFile).toBeUndefined();
    expect(args.tlsCert).toBeUndefined();
  });

  it.each([
    [['--host', '0.0.0.0'], { host: '0.0.0.0' }],
    [['--host=0.0.0.0'], { host: '0.0.0.0' }],
    [['--port', '8080'], { port: 8080 }],
    [['--port=8080'], { port: 8080 }],
    [['--docker-host', 'unix:///run/user/1000/docker.sock'], { dockerHost: 'unix:///run/user/1000/docker.sock' }],
    [['--docker-host=ssh://ops@server.example'], { dockerHost: 'ssh://ops@server.example' }],
    [['--token', 's3cret-token'], { token: 's3cret-token' }],
    [['--token=s3cret-token'], { token: 's3cret-token' }],
    [['--daemon-config', '/srv/engine2/daemon.json'], { daemonConfig: '/srv/engine2/daemon.json' }],
    [['--daemon-config=/srv/engine2/daemon.json'], { daemonConfig: '/srv/engine2/daemon.json' }],
    [['--token-file', '/home/me/.config/wharf/token'], { tokenFile: '/home/me/.config/wharf/token' }],
    [['--token-file=/run/credentials/wharf/token'], { tokenFile: '/run/credentials/wharf/token' }],
    [['--tls-cert', '/etc/wharf/cert.pem', '--tls-key=/etc/wharf/key.pem'], { tlsCert: '/etc/wharf/cert.pem', tlsKey: '/etc/wharf/key.pem' }],
    [['--insecure-bind'], { insecureBind: true }],
    [['--login-ttl', '300'], { loginTtlSeconds: 300 }],
    [['--headers-timeout=2'], { headersTimeoutSeconds: 2 }],
  ] as Array<[string[], object]>)('%j', (argv, expected) => {
    expect(parseServeArgs(argv)).toMatchObject(expected);
  });

  it('keeps "=" inside an --x=value value (base64 tokens)', () => {
    expect(parseServeArgs(['--token=YWJjZGVmZ2g=='])).toMatchObject({ token: 'YWJjZGVmZ2g==' });
  });

  it('takes all flags together, in any order', () => {
    expect(parseServeArgs(['--token', 's3cret-token', '--port=9000', '--docker-host', 'tcp://10.0.0.5:2375', '--host', '::1'])).toEqual({
      host: '::1',
      port: 9000,
      dockerHost: 'tcp://10.0.0.5:2375',
      token: 's3cret-token',
      insecureBind: false,
      loginTtlSeconds: 60,
      headersTimeoutSeconds: 10,
      help: false,
    });
  });

  it('port 0 asks for a free port', () => {
    expect(parseServeArgs(['--port', '0']).port).toBe(0);
  });

  it.each([['--help'], ['-h']])('%s asks for help', (flag) => {
    expect(parseServeArgs([flag]).help).toBe(true);
  });

  it.each([
    ['a word', ['--port', 'http']],
    ['negative', ['--port=-1']],
    ['above 65535', ['--port', '65536']],
    ['fractional', ['--port', '80.5']],
    ['empty', ['--port=']],
    ['hex', ['--port', '0x50']],
  ])('a bad port (%s) is an ArgsError', (_name, argv) => {
    expect(refused(argv)).toBeInstanceOf(ArgsError);
  });

  it.each([['--verbose'], ['--verbose=1'], ['serve'], ['-p']])('unknown option %s is an ArgsError', (arg) => {
    expect(refused([arg])).toBeInstanceOf(ArgsError);
  });

  it.each([
    ['at the end', ['--host']],
    ['followed by another flag', ['--host', '--port', '8080']],
    ['empty inline', ['--docker-host=']],
  ])('a flag without its value (%s) is an ArgsError', (_name, argv) => {
    expect(refused(argv)).toBeInstanceOf(ArgsError);
  });

  it('a short token is an ArgsError, in both forms', () => {
    expect(refused(['--token', 'abc'])).toBeInstanceOf(ArgsError);
    expect(refused(['--token=abc'])).toBeInstanceOf(ArgsError);
  });

  it('a relative --daemon-config is an ArgsError (the server may run from any folder)', () => {
    expect(refused(['--daemon-config', 'daemon.json'])).toBeInstanceOf(ArgsError);
  });

  it.each([
    ['relative --token-file', ['--token-file', 'token']],
    ['relative --tls-cert', ['--tls-cert', 'cert.pem', '--tls-key', '/k.pem']],
    ['--token and --token-file together', ['--token', 's3cret-token', '--token-file', '/t']],
    ['--tls-cert without --tls-key', ['--tls-cert', '/c.pem']],
    ['--tls-key without --tls-cert', ['--tls-key', '/k.pem']],
    ['--insecure-bind with a value', ['--insecure-bind=yes']],
    ['a login TTL of 0', ['--login-ttl', '0']],
    ['a login TTL in minutes', ['--login-ttl', '5m']],
    ['a headers timeout over 600 s', ['--headers-timeout', '601']],
  ])('%s is an ArgsError', (_name, argv) => {
    expect(refused(argv)).toBeInstanceOf(ArgsError);
  });

  it('the error says which option was wrong', () => {
    expect(String((refused(['--port', 'http']) as Error).message)).toContain('--port');
    expect(String((refused(['--verbose']) as Error).message)).toContain('--verbose');
  });
});

describe('binding off loopback (decideBind)', () => {
  const base = { port: 7370, insecureBind: false };

  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])('%s: plain HTTP, no warning', (host) => {
    expect(decideBind({ ...base, host })).toEqual({ ok: true });
  });

  it.each(['0.0.0.0', '::', '192.168.1.20'])('%s without TLS or --insecure-bind: refused, saying what to do', (host) => {
    const decision = decideBind({ ...base, host });
    expect(decision.ok).toBe(false);
    const message = decision.ok ? '' : decision.message;
    expect(message).toContain(host);
    expect(message).toContain('--tls-cert');
    expect(message).toContain('--insecure-bind');
  });

  it('with a certificate: allowed, with a warning that it is reachable from other machines', () => {
    const decision = decideBind({ ...base, host: '0.0.0.0', tlsCert: '/etc/wharf/cert.pem' });
    expect(decision).toMatchObject({ ok: true, warning: expect.stringContaining('reachable from other machines') as string });
  });

  it('with --insecure-bind: allowed, and the warning says what crosses the network in clear text', () => {
    const decision = decideBind({ ...base, host: '0.0.0.0', insecureBind: true });
    expect(decision.ok).toBe(true);
    const warning = decision.ok ? (decision.warning ?? '') : '';
    for (const exposed of ['plain HTTP', 'login URL', 'session secrets', 'Docker answer', 'root-equivalent']) expect(warning).toContain(exposed);
  });
});
