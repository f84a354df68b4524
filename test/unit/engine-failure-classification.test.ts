/**
 * A failed connection becomes the precise state the shell shows (shared/engine.ts EngineState):
 * permission-denied on EACCES, not-installed when there is no socket and no docker binaries,
 * not-running when the local socket is missing or refused, unreachable when a remote host does not answer.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEndpoint } from '../../src/shared/engine';
import type { FailureProbe } from '../../src/main/core/engine/classify-failure';
import { classifyFailure } from '../../src/main/core/engine/classify-failure';

const local: EngineEndpoint = { host: 'unix:///var/run/docker.sock', source: 'default' };
const remoteTcp: EngineEndpoint = { host: 'tcp://10.0.0.5:2375', source: 'DOCKER_HOST' };
const remoteSsh: EngineEndpoint = { host: 'ssh://ops@server.example', source: 'config-context', contextName: 'server' };

const sysError = (code: string, path = '/var/run/docker.sock'): Error =>
  Object.assign(new Error(`connect ${code} ${path}`), { code, syscall: 'connect', address: path });

function probe(socketExists: boolean, installed: boolean): FailureProbe {
  return { exists: (path) => socketExists && path === '/var/run/docker.sock', dockerInstalled: () => installed };
}

describe('classifyFailure', () => {
  it('EACCES on the socket → permission-denied (the user is not in the docker group)', () => {
    expect(classifyFailure(sysError('EACCES'), local, probe(true, true))).toBe('permission-denied');
  });

  it('ECONNREFUSED with the socket present → not-running (stale socket, daemon stopped)', () => {
    expect(classifyFailure(sysError('ECONNREFUSED'), local, probe(true, true))).toBe('not-running');
  });

  it('no socket but docker is installed → not-running', () => {
    expect(classifyFailure(sysError('ENOENT'), local, probe(false, true))).toBe('not-running');
  });

  it('no socket and no docker binaries → not-installed', () => {
    expect(classifyFailure(sysError('ENOENT'), local, probe(false, false))).toBe('not-installed');
  });

  it('a socket that exists is never "not installed"', () => {
    expect(classifyFailure(sysError('ECONNREFUSED'), local, probe(true, false))).toBe('not-running');
  });

  it.each([
    ['tcp', remoteTcp, 'ECONNREFUSED'],
    ['tcp', remoteTcp, 'ETIMEDOUT'],
    ['tcp', remoteTcp, 'EHOSTUNREACH'],
    ['ssh', remoteSsh, 'ENOTFOUND'],
  ])('a remote (%s) engine that does not answer (%s) → unreachable, even with docker not installed locally', (_kind, endpoint, code) => {
    expect(classifyFailure(sysError(code, '10.0.0.5'), endpoint, probe(false, false))).toBe('unreachable');
  });
});
