/** `npm run serve -- [--host H] [--port P] [--docker-host URL] [--token T]`: defaults, both flag forms, and refusals. */
import { describe, expect, it } from 'vitest';
import { ArgsError, parseServeArgs } from '../../src/main/web/args';

function refused(argv: string[]): unknown {
  try {
    parseServeArgs(argv);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parseServeArgs', () => {
  it('binds 127.0.0.1:7370 by default, with no docker host or token given', () => {
    const args = parseServeArgs([]);
    expect(args).toMatchObject({ host: '127.0.0.1', port: 7370, help: false });
    expect(args.dockerHost).toBeUndefined();
    expect(args.token).toBeUndefined();
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

  it('the error says which option was wrong', () => {
    expect(String((refused(['--port', 'http']) as Error).message)).toContain('--port');
    expect(String((refused(['--verbose']) as Error).message)).toContain('--verbose');
  });
});
