/** The Run dialog's pure rules: the CLI's value grammars, the problems per field, the create body and the argv. */
import { describe, expect, it } from 'vitest';
import { createBody, EMPTY_RUN_SPEC, runArgv, runSpecProblems, type RunSpec } from '../../src/shared/container-run';
import { isIpLiteral, parseCpus, parseEnvFile, parseMemory, splitCommand } from '../../src/shared/container-run-parse';
import { portText, portUrl } from '../../src/shared/container-list';

const spec = (over: Partial<RunSpec>): RunSpec => ({ ...EMPTY_RUN_SPEC, image: 'busybox', ...over });
const problems = (over: Partial<RunSpec>): string[] => runSpecProblems(spec(over)).map((p) => `${p.field}:${p.key}`);

describe('value grammars', () => {
  it('splits a command like a shell: quotes and backslashes, nothing expanded', () => {
    expect(splitCommand(`sh -c 'echo "$HOME"; ls'`)).toEqual({ words: ['sh', '-c', 'echo "$HOME"; ls'] });
    expect(splitCommand(`echo "a \\"b\\"" c\\ d ''`)).toEqual({ words: ['echo', 'a "b"', 'c d', ''] });
    expect(splitCommand('  ')).toEqual({ words: [] });
    expect(splitCommand(`echo "open`)).toEqual({ error: 'unclosedQuote' });
  });

  it('reads memory like go-units RAMInBytes (binary units)', () => {
    expect(parseMemory('256m')).toBe(256 * 1024 ** 2);
    expect(parseMemory('1.5g')).toBe(1610612736);
    expect(parseMemory('512MiB')).toBe(512 * 1024 ** 2);
    expect(parseMemory('1024')).toBe(1024);
    expect(parseMemory('lots')).toBeNull();
    expect(parseMemory('-1m')).toBeNull();
  });

  it('reads --cpus exactly as nano CPUs', () => {
    expect(parseCpus('1.5')).toBe(1_500_000_000);
    expect(parseCpus('.25')).toBe(250_000_000);
    expect(parseCpus('2')).toBe(2_000_000_000);
    expect(parseCpus('0.0000000001')).toBeNull();
    expect(parseCpus('1,5')).toBeNull();
    expect(parseCpus('.')).toBeNull();
  });

  it('reads env files like the CLI and refuses bare names', () => {
    expect(parseEnvFile('# c\n\n  A=1\nB=x y \nC=\r\n')).toEqual({ env: ['A=1', 'B=x y ', 'C='] });
    expect(parseEnvFile('A=1\n=2')).toEqual({ error: 'noName', line: 2 });
    expect(parseEnvFile('MY VAR=1')).toEqual({ error: 'whitespace', line: 1 });
    expect(parseEnvFile('HOME')).toEqual({ error: 'noValue', line: 1 });
  });

  it('knows IP literals', () => {
    for (const ip of ['127.0.0.1', '0.0.0.0', '::1', '::', 'fe80::1:2', '2001:db8:0:0:0:0:0:1']) expect(isIpLiteral(ip)).toBe(true);
    for (const ip of ['1.2.3', '256.0.0.1', 'localhost', ':::', '1:2:3:4:5:6:7:8:9']) expect(isIpLiteral(ip)).toBe(false);
  });
});

describe('runSpecProblems', () => {
  it('finds nothing wrong with a valid spec', () => {
    expect(problems({ name: 'web', ports: [{ hostIp: '::1', hostPort: '8080', containerPort: '80', protocol: 'tcp' }], memory: '64m', cpus: '0.5' })).toEqual([]);
  });

  it('explains each invalid entry by its field', () => {
    expect(problems({ image: '' })).toEqual(['image:required']);
    expect(problems({ image: 'bad image' })).toEqual(['image:imageSpace']);
    expect(problems({ name: 'a' })).toEqual(['name:name']);
    expect(
      problems({
        ports: [
          { hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' },
          { hostIp: '', hostPort: '8080', containerPort: '81', protocol: 'tcp' },
          { hostIp: '', hostPort: '8080', containerPort: '81', protocol: 'udp' },
          { hostIp: 'x', hostPort: '0', containerPort: '65536', protocol: 'tcp' },
        ],
      }),
    ).toEqual(['ports.1.hostPort:portTwice', 'ports.3.hostIp:hostIp', 'ports.3.hostPort:port', 'ports.3.containerPort:port']);
    expect(
      problems({
        volumes: [
          { source: '/srv', target: '/data', readOnly: false },
          { source: 'v', target: '/data/', readOnly: false },
          { source: 'ok_vol', target: '/', readOnly: false },
          { source: '/a:b', target: '/x', readOnly: false },
        ],
      }),
    ).toEqual(['volumes.1.source:volumeSource', 'volumes.1.target:mountTwice', 'volumes.2.target:mountTarget', 'volumes.3.source:colon']);
    expect(problems({ env: ['A=1', 'B', '=c'], labels: ['k=v', 'k', '=v'] })).toEqual(['env.1:envNoValue', 'env.2:envName', 'labels.2:labelKey']);
    expect(problems({ restart: 'on-failure', restartRetries: 'x' })).toEqual(['restartRetries:retries']);
    expect(problems({ restart: 'always', autoRemove: true })).toEqual(['restart:restartWithRm']);
    expect(problems({ memory: '5m', cpus: '0.001' })).toEqual(['memory:memoryMin', 'cpus:cpusMin']);
    expect(problems({ envFile: 'x.env' })).toEqual(['envFile:absolutePath']);
  });
});

describe('createBody and runArgv describe the same container', () => {
  const full = spec({
    name: 'web',
    command: `-c 'httpd -f'`,
    entrypoint: '/bin/sh',
    ports: [
      { hostIp: '127.0.0.1', hostPort: '', containerPort: '80', protocol: 'tcp' },
      { hostIp: '::1', hostPort: '8443', containerPort: '443', protocol: 'tcp' },
    ],
    volumes: [
      { source: '/srv/www', target: '/www', readOnly: true },
      { source: '', target: '/cache', readOnly: false },
    ],
    env: ['A=1'],
    envFile: '/etc/app.env',
    restart: 'on-failure',
    restartRetries: '3',
    network: 'front',
    labels: ['team=web', 'flag'],
    memory: '64m',
    cpus: '1.5',
  });

  it('builds the create body the CLI sends', () => {
    const body = createBody(full, ['FROM_FILE=1']);
    expect(body).toMatchObject({
      name: 'web',
      Image: 'busybox',
      Cmd: ['-c', 'httpd -f'],
      Entrypoint: ['/bin/sh'],
      Env: ['FROM_FILE=1', 'A=1'],
      ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
      Volumes: { '/cache': {} },
      Labels: { team: 'web', flag: '' },
      HostConfig: {
        PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }], '443/tcp': [{ HostIp: '::1', HostPort: '8443' }] },
        Binds: ['/srv/www:/www:ro'],
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
        Memory: 64 * 1024 ** 2,
        NanoCpus: 1_500_000_000,
        NetworkMode: 'front',
        AutoRemove: false,
      },
    });
    expect(createBody(spec({}))).toMatchObject({ HostConfig: { NetworkMode: 'default', RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } } });
    expect(createBody(spec({}))).not.toHaveProperty('Cmd');
  });

  it('shows the equivalent docker run argv', () => {
    expect(runArgv(full)).toEqual([
      'docker', 'run', '-d', '--name', 'web',
      '-p', '127.0.0.1::80/tcp', '-p', '[::1]:8443:443/tcp',
      '-v', '/srv/www:/www:ro', '-v', '/cache',
      '--env-file', '/etc/app.env', '-e', 'A=1',
      '--restart', 'on-failure:3', '--network', 'front', '-l', 'team=web', '-l', 'flag',
      '-m', '64m', '--cpus', '1.5', '--entrypoint', '/bin/sh', 'busybox', '-c', 'httpd -f',
    ]);
    expect(runArgv(spec({ start: false, autoRemove: true }))).toEqual(['docker', 'create', '--rm', 'busybox']);
  });
});

describe('ports as the list shows them', () => {
  it('prints like the CLI and links published TCP ports to 127.0.0.1', () => {
    expect(portText({ ip: '0.0.0.0', publicPort: 8080, privatePort: 80, type: 'tcp' })).toBe('0.0.0.0:8080->80/tcp');
    expect(portText({ ip: '::', publicPort: 8080, privatePort: 80, type: 'tcp' })).toBe('[::]:8080->80/tcp');
    expect(portText({ ip: '', privatePort: 53, type: 'udp' })).toBe('53/udp');
    expect(portUrl({ ip: '0.0.0.0', publicPort: 8080, privatePort: 80, type: 'tcp' })).toBe('http://127.0.0.1:8080');
    expect(portUrl({ ip: '::1', publicPort: 81, privatePort: 80, type: 'tcp' })).toBe('http://[::1]:81');
    expect(portUrl({ ip: '0.0.0.0', publicPort: 53, privatePort: 53, type: 'udp' })).toBeNull();
    expect(portUrl({ ip: '', privatePort: 80, type: 'tcp' })).toBeNull();
  });
});
