/** A new engine's name and endpoint are checked like the docker CLI checks context names, and stricter for endpoints. */
import { describe, expect, it } from 'vitest';
import { contextCreateCommand, contextNameProblem, engineColour, engineHostProblem, engineKindOf, ENGINE_COLOURS } from '../../src/shared/engines';

describe('context names (the CLI\'s ^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$, "default" reserved)', () => {
  it.each(['ab', 'A.b+c_d-e', 'prod-1', '9lives'])('%s is a valid name', (name) => expect(contextNameProblem(name)).toBeUndefined());
  it.each([
    ['a', 'pattern'],
    ['a/b', 'pattern'],
    ['-x', 'pattern'],
    ['.hidden', 'pattern'],
    ['with space', 'pattern'],
    ['default', 'reserved'],
    ['x'.repeat(201), 'too-long'],
  ])('%s is refused as %s', (name, problem) => expect(contextNameProblem(name)).toBe(problem));
});

describe('endpoints', () => {
  it.each(['unix:///var/run/docker.sock', 'tcp://10.0.0.5:2376', 'tcp://build.example:2375', 'tcp://[::1]:2376', 'ssh://me@build-server', 'ssh://build-server:2222', 'ssh://deploy.user@10.0.0.5:22'])(
    '%s is accepted',
    (host) => expect(engineHostProblem(host)).toBeUndefined(),
  );
  it.each([
    ['', 'empty'],
    ['foo://bar', 'scheme'],
    ['http://host:2375', 'scheme'],
    ['unix://relative.sock', 'unix-path'],
    ['unix://', 'unix-path'],
    ['tcp://', 'host'],
    ['tcp://host:0', 'port'],
    ['tcp://host:70000', 'port'],
    ['tcp://ho st', 'characters'],
    ['ssh://me:secret@host', 'ssh-password'],
    ['ssh://me@host/path', 'ssh-path'],
    ['ssh://@host', 'host'],
    ['tcp://host\n', 'characters'],
  ])('%j is refused as %s', (host, problem) => expect(engineHostProblem(host)).toBe(problem));

  it('kinds: ssh, tcp, else a local socket', () => {
    expect([engineKindOf('ssh://h'), engineKindOf('tcp://h:1'), engineKindOf('unix:///x'), engineKindOf('/x')]).toEqual(['ssh', 'tcp', 'local', 'local']);
  });
});

describe('what the dialog shows and how engines look', () => {
  it('the docker context create argv names every TLS file and skip-tls-verify as the CLI spells them', () => {
    expect(contextCreateCommand({ name: 'prod', description: 'the prod host', host: 'tcp://10.0.0.5:2376', tls: { ca: '/c/ca.pem', cert: '/c/cert.pem', key: '/c/key.pem', skipVerify: true } })).toEqual([
      'docker', 'context', 'create', 'prod', '--description', 'the prod host', '--docker', 'host=tcp://10.0.0.5:2376,ca=/c/ca.pem,cert=/c/cert.pem,key=/c/key.pem,skip-tls-verify=true',
    ]);
    expect(contextCreateCommand({ name: 'lab', host: 'ssh://me@lab' })).toEqual(['docker', 'context', 'create', 'lab', '--docker', 'host=ssh://me@lab']);
  });

  it('a colour per name, the same every time, spread over the palette', () => {
    expect(engineColour('prod')).toBe(engineColour('prod'));
    const colours = new Set(['default', 'prod', 'staging', 'lab', 'desktop-linux', 'rootless', 'ci', 'build'].map(engineColour));
    expect(colours.size).toBeGreaterThanOrEqual(4);
    for (const c of colours) expect(c).toBeLessThan(ENGINE_COLOURS);
  });
});
