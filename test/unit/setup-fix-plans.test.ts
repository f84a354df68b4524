/**
 * The fixes' exact commands: absolute binaries from root-owned system directories, the OS user and group as
 * single argv entries, names that are not POSIX names refused, and never a chmod of the socket.
 */
import { describe, expect, it } from 'vitest';
import { WharfError } from '../../src/main/core/errors';
import { fixPlan, type FixContext } from '../../src/main/core/setup/fixes';
import { fixNeeded } from '../../src/main/core/setup/setup-service';
import type { FileStat } from '../../src/main/core/setup/system-files';
import type { SetupDiagnosis } from '../../src/shared/setup';

interface Patch {
  user?: string;
  group?: string;
  groupExists?: boolean;
  manager?: SetupDiagnosis['service']['manager'];
  endpoint?: SetupDiagnosis['endpoint'];
  packaging?: SetupDiagnosis['installation']['packaging'];
}

function diagnosisFor(patch: Patch = {}): SetupDiagnosis {
  return {
    user: { name: patch.user ?? 'alice', uid: 1000, home: '/home/alice' },
    distro: { id: 'debian', idLike: [], prettyName: 'Debian', versionId: '12', codename: 'bookworm', family: 'debian' },
    installation: { packaging: patch.packaging ?? 'docker.io', dockerdPath: '/usr/sbin/dockerd' },
    service: { manager: patch.manager ?? 'systemd', dockerdRunning: true },
    sockets: [{ path: '/var/run/docker.sock', exists: true, owner: 'root', group: 'docker', mode: '660' }],
    endpoint: patch.endpoint ?? { host: 'unix:///var/run/docker.sock', source: 'default' },
    connect: { result: 'permission-denied' },
    dockerGroup: { name: patch.group ?? 'docker', exists: patch.groupExists ?? true, gid: 112, userListed: false, sessionHas: false },
    rootless: { running: false, toolAvailable: false },
    compose: { kind: 'none' },
    verdict: 'permission-denied',
    checks: [],
    privilege: 'direct',
    canRelaunch: false,
    checkedAt: 0,
  };
}

const ROOT_TOOL: FileStat = { uid: 0, gid: 0, mode: 0o100755, isSocket: false, isFile: true };

/** Files as fixPlan sees them: stat and executability of the system tools. */
function contextWith(tools: Record<string, FileStat>, systemDirs = ['/usr/sbin', '/usr/bin', '/sbin', '/bin']): FixContext {
  return {
    systemDirs,
    files: {
      stat: (path) => tools[path],
      isExecutable: (path) => tools[path] !== undefined,
    },
  };
}

const DEBIAN_TOOLS = contextWith({ '/usr/sbin/usermod': ROOT_TOOL, '/usr/sbin/groupadd': ROOT_TOOL, '/usr/bin/systemctl': ROOT_TOOL, '/usr/sbin/service': ROOT_TOOL });

function refusal(run: () => unknown): WharfError {
  try {
    run();
  } catch (error) {
    if (error instanceof WharfError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('add-user-to-group', () => {
  it('adds the OS user to the existing group with usermod -aG, by absolute path', () => {
    expect(fixPlan('add-user-to-group', diagnosisFor(), DEBIAN_TOOLS)).toEqual({
      fix: 'add-user-to-group',
      commands: [['/usr/sbin/usermod', '-aG', 'docker', 'alice']],
      via: 'privilege-runner',
    });
  });

  it('creates the group first (groupadd -f) only when it is missing', () => {
    expect(fixPlan('add-user-to-group', diagnosisFor({ groupExists: false }), DEBIAN_TOOLS).commands).toEqual([
      ['/usr/sbin/groupadd', '-f', 'docker'],
      ['/usr/sbin/usermod', '-aG', 'docker', 'alice'],
    ]);
  });

  it.each(['alice', 'a', '_svc', 'bob.smith', 'dev-01', 'Upper_Case', 'x'.repeat(32)])('accepts the POSIX user name %j as one argv entry', (name) => {
    const { commands } = fixPlan('add-user-to-group', diagnosisFor({ user: name }), DEBIAN_TOOLS);
    const usermod = commands[commands.length - 1];
    expect(usermod).toEqual(['/usr/sbin/usermod', '-aG', 'docker', name]);
  });

  it.each([
    'with space',
    "o'neil",
    '"quoted"',
    'a;b',
    '; touch /tmp/pwned',
    '$(touch /tmp/pwned)',
    '`id`',
    'line\nbreak',
    'trailing\n',
    '-oNotAnOption',
    '1000',
    '',
    'x'.repeat(33),
    '../etc',
    'tab\tname',
    '中文',
  ])('refuses the user name %j (invalid-input), whatever the OS says', (name) => {
    const error = refusal(() => fixPlan('add-user-to-group', diagnosisFor({ user: name }), DEBIAN_TOOLS));
    expect(error.code).toBe('invalid-input');
  });

  it.each(['dock er', 'docker;id', '$(id)', 'docker\n'])('refuses the group name %j', (group) => {
    expect(refusal(() => fixPlan('add-user-to-group', diagnosisFor({ group }), DEBIAN_TOOLS)).code).toBe('invalid-input');
  });

  it('never touches the socket itself', () => {
    for (const groupExists of [true, false]) {
      const { commands } = fixPlan('add-user-to-group', diagnosisFor({ groupExists }), DEBIAN_TOOLS);
      expect(commands.flat().join(' ')).not.toMatch(/chmod|chown|docker\.sock/);
    }
  });
});

describe('privileged binaries', () => {
  it('come from root-owned system directories, first match wins', () => {
    const ctx = contextWith({ '/opt/sys/usermod': ROOT_TOOL, '/usr/sbin/usermod': ROOT_TOOL }, ['/opt/sys', '/usr/sbin']);
    expect(fixPlan('add-user-to-group', diagnosisFor(), ctx).commands[0]?.[0]).toBe('/opt/sys/usermod');
  });

  it('skip a tool that is not root-owned or is writable by others, and fall back to the conventional path', () => {
    const ctx = contextWith(
      {
        '/opt/a/usermod': { ...ROOT_TOOL, uid: 1000 },
        '/opt/b/usermod': { ...ROOT_TOOL, mode: 0o100775 },
        '/opt/c/usermod': { ...ROOT_TOOL, mode: 0o100757 },
      },
      ['/opt/a', '/opt/b', '/opt/c'],
    );
    expect(fixPlan('add-user-to-group', diagnosisFor(), ctx).commands[0]?.[0]).toBe('/usr/sbin/usermod');
  });
});

describe('start-service', () => {
  it('is refused for a socket the system service does not create (a --docker-host or DOCKER_HOST elsewhere)', () => {
    const elsewhere = diagnosisFor({ manager: 'systemd', endpoint: { host: 'unix:///srv/ci/docker.sock', source: 'DOCKER_HOST' } });
    expect(refusal(() => fixPlan('start-service', elsewhere, DEBIAN_TOOLS)).code).toBe('unsupported');
    expect(fixPlan('start-service', diagnosisFor({ manager: 'systemd', endpoint: { host: 'unix:///run/docker.sock', source: 'flag' } }), DEBIAN_TOOLS).commands).toEqual([
      ['/usr/bin/systemctl', 'enable', '--now', 'docker.service'],
    ]);
  });

  it('systemd: systemctl enable --now docker.service', () => {
    expect(fixPlan('start-service', diagnosisFor({ manager: 'systemd' }), DEBIAN_TOOLS)).toEqual({
      fix: 'start-service',
      commands: [['/usr/bin/systemctl', 'enable', '--now', 'docker.service']],
      via: 'privilege-runner',
    });
  });

  it('SysV init: service docker start', () => {
    expect(fixPlan('start-service', diagnosisFor({ manager: 'sysv' }), DEBIAN_TOOLS).commands).toEqual([['/usr/sbin/service', 'docker', 'start']]);
  });

  it('an injected service controller wins, and describes its own commands', () => {
    const ctx: FixContext = { ...DEBIAN_TOOLS, serviceController: { start: () => Promise.resolve(), describe: () => [['/usr/sbin/dockerd', '--host=unix:///tmp/x.sock']] } };
    expect(fixPlan('start-service', diagnosisFor({ manager: 'systemd' }), ctx)).toEqual({
      fix: 'start-service',
      commands: [['/usr/sbin/dockerd', '--host=unix:///tmp/x.sock']],
      via: 'service-controller',
    });
  });

  it('without a service manager or controller it is unsupported', () => {
    expect(refusal(() => fixPlan('start-service', diagnosisFor({ manager: 'none' }), DEBIAN_TOOLS)).code).toBe('unsupported');
  });
});

describe('what the fixes apply to', () => {
  it.each([
    ['a remote engine', { endpoint: { host: 'tcp://10.0.0.5:2376', source: 'DOCKER_HOST' } }],
    ['an ssh engine', { endpoint: { host: 'ssh://me@server', source: 'flag' } }],
  ] as const)('neither fix touches %s', (_name, patch) => {
    for (const fix of ['start-service', 'add-user-to-group'] as const) {
      expect(refusal(() => fixPlan(fix, diagnosisFor(patch), DEBIAN_TOOLS)).code).toBe('unsupported');
    }
  });

  it.each([
    ['rootless', { endpoint: { host: 'unix:///run/user/1000/docker.sock', source: 'rootless' } }],
    ['Docker Desktop', { packaging: 'docker-desktop' }],
    ['Podman', { packaging: 'podman' }],
  ] as const)('start-service does not start the system service for %s', (_name, patch) => {
    expect(refusal(() => fixPlan('start-service', diagnosisFor(patch), DEBIAN_TOOLS)).code).toBe('unsupported');
  });
});

describe('a fix runs only when it is needed', () => {
  it('the group fix only while the user is not listed; the service fix only while the socket is missing or refuses', () => {
    const d = diagnosisFor();
    expect(fixNeeded('add-user-to-group', d)).toBe(true);
    expect(fixNeeded('add-user-to-group', { ...d, dockerGroup: { ...d.dockerGroup, userListed: true } })).toBe(false);
    expect(fixNeeded('start-service', d)).toBe(false);
    expect(fixNeeded('start-service', { ...d, connect: { result: 'refused' } })).toBe(true);
    expect(fixNeeded('start-service', { ...d, connect: { result: 'missing' } })).toBe(true);
    expect(fixNeeded('start-service', { ...d, connect: { result: 'ok' } })).toBe(false);
  });
});
