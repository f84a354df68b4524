/** ssh:// engines run the user's ssh like the docker CLI: argv built from the URL, and ssh's refusals sorted. */
import { describe, expect, it } from 'vitest';
import { classifySshFailure, sshArgv, sshTargetOf } from '../../src/main/core/engine/ssh-dial';

describe('ssh argv', () => {
  it('user and port become -l and -p; the host comes after --, so it can never be an option', () => {
    expect(sshArgv(sshTargetOf('ssh://ops@build.example:2222'), ['docker', 'system', 'dial-stdio'])).toEqual([
      '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-T', '-l', 'ops', '-p', '2222', '--', 'build.example', 'docker', 'system', 'dial-stdio',
    ]);
    expect(sshArgv(sshTargetOf('ssh://lab'), ['true'])).toEqual(['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-T', '--', 'lab', 'true']);
    expect(sshTargetOf('ssh://me@[::1]:22')).toEqual({ host: '::1', user: 'me', port: '22' });
  });
});

describe('what ssh said', () => {
  it.each([
    ['Host key verification failed.', 'host-key-unknown'],
    ['No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\nHost key verification failed.', 'host-key-unknown'],
    ['@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.', 'host-key-changed'],
    ['me@127.0.0.1: Permission denied (publickey).', 'auth-failed'],
    ['ssh: Could not resolve hostname nowhere.invalid: Name or service not known', 'unknown-host'],
    ['ssh: connect to host 127.0.0.1 port 9: Connection refused', 'refused'],
    ['ssh: connect to host 10.255.255.1 port 22: Connection timed out', 'timeout'],
    ['sh: 1: docker: not found', 'no-docker'],
    ['something else entirely', 'failed'],
  ])('%j is %s', (stderr, failure) => expect(classifySshFailure(stderr)).toBe(failure));
});
