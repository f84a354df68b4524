/**
 * The diagnosis' verdict and checks from the facts of a machine (files, /proc, read-only commands and the connect
 * attempt all injected): permission denied vs needs re-login vs not running vs not installed, which group grants
 * the socket, how Docker was packaged, and a fix beside each problem that has one.
 */
import type { ComposeTool } from '../../src/shared/compose';
import { describe, expect, it } from 'vitest';
import type { ConnectAttempt } from '../../src/main/core/setup/connect-probe';
import { diagnose, type DiagnoseDeps } from '../../src/main/core/setup/diagnose';
import type { QueryResult } from '../../src/main/core/setup/query-runner';
import { DEFAULT_SYSTEM_PATHS, type FileProbe, type FileStat } from '../../src/main/core/setup/system-files';
import type { EngineEndpoint } from '../../src/shared/engine';
import type { CheckId, SetupCheck, SetupDiagnosis } from '../../src/shared/setup';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice:/home/alice:/bin/bash\n';
const GROUP_WITH = (dockerLine: string): string => `root:x:0:\nalice:x:1000:\n${dockerLine}\n`;
const DEBIAN = 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n';
const SOCKET = '/var/run/docker.sock';

interface Machine {
  /** What the compose lookup finds (a plugin, unless the test says otherwise). */
  compose?: ComposeTool;
  text?: Record<string, string>;
  stats?: Record<string, FileStat | undefined>;
  executables?: string[];
  links?: Record<string, string>;
  dirs?: Record<string, string[]>;
  queries?: Record<string, QueryResult>;
  connect?: ConnectAttempt;
  endpoint?: EngineEndpoint;
  env?: Record<string, string>;
  groups?: number[];
  hasServiceController?: boolean;
}

const socketStat = (gid: number, mode = 0o140660, uid = 0): FileStat => ({ uid, gid, mode, isSocket: true, isFile: false });
const tool: FileStat = { uid: 0, gid: 0, mode: 0o100755, isSocket: false, isFile: true };

function filesOf(m: Machine): FileProbe {
  const text = { [DEFAULT_SYSTEM_PATHS.osRelease]: DEBIAN, [DEFAULT_SYSTEM_PATHS.passwd]: PASSWD, ...m.text };
  const executables = new Set(m.executables ?? []);
  const stats: Record<string, FileStat | undefined> = { ...m.stats };
  for (const path of executables) stats[path] ??= tool;
  return {
    readText: (path) => text[path],
    stat: (path) => stats[path],
    linkTarget: (path) => m.links?.[path],
    exists: (path) => text[path] !== undefined || stats[path] !== undefined || m.dirs?.[path] !== undefined,
    isExecutable: (path) => executables.has(path),
    listDir: (path) => m.dirs?.[path] ?? [],
  };
}

function depsOf(m: Machine): DiagnoseDeps {
  return {
    env: m.env ?? { PATH: '/usr/local/bin:/usr/bin:/bin' },
    identity: () => ({ name: 'alice', uid: 1000, gid: 1000, home: '/home/alice', groups: m.groups ?? [1000] }),
    endpoint: m.endpoint ?? { host: `unix://${SOCKET}`, source: 'default' },
    tryConnect: () => Promise.resolve(m.connect ?? { result: 'ok' }),
    socketAccepts: () => Promise.resolve(false),
    query: (binary, args) => Promise.resolve(m.queries?.[[binary, ...args].join(' ')] ?? { code: 1, stdout: '', stderr: 'no answer' }),
    files: filesOf(m),
    paths: DEFAULT_SYSTEM_PATHS,
    searchDirs: ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/snap/bin'],
    systemDirs: ['/usr/sbin', '/usr/bin', '/sbin', '/bin'],
    nodeArch: 'x64',
    hasServiceController: m.hasServiceController ?? false,
    privilege: 'pkexec',
    canRelaunch: true,
    now: () => 1_700_000_000_000,
    findCompose: () => Promise.resolve(m.compose ?? { kind: 'plugin', version: '2.26.1', path: '/usr/libexec/docker/cli-plugins/docker-compose', command: ['docker', 'compose'] }),
  };
}

function checkOf(d: SetupDiagnosis, id: CheckId): SetupCheck {
  const found = d.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
}

const EACCES: ConnectAttempt = { result: 'permission-denied', detail: 'connect EACCES /var/run/docker.sock' };
const ENOENT: ConnectAttempt = { result: 'missing', detail: 'connect ENOENT /var/run/docker.sock' };
/** Debian's docker.io, installed, engine running, socket root:docker 0660. */
const DOCKER_IO: Machine = {
  text: { [DEFAULT_SYSTEM_PATHS.group]: GROUP_WITH('docker:x:112:') },
  stats: { [SOCKET]: socketStat(112) },
  executables: ['/usr/bin/docker', '/usr/sbin/dockerd', '/usr/bin/dpkg-query'],
  queries: { '/usr/bin/dpkg-query -S /usr/sbin/dockerd': { code: 0, stdout: 'docker.io: /usr/sbin/dockerd\n', stderr: '' } },
  dirs: { '/proc': ['1', '812', 'self'] },
};

function machine(patch: Machine): Machine {
  return {
    ...DOCKER_IO,
    ...patch,
    text: { ...DOCKER_IO.text, ...patch.text },
    stats: { ...DOCKER_IO.stats, ...patch.stats },
    queries: { ...DOCKER_IO.queries, ...patch.queries },
  };
}

describe('verdicts', () => {
  it('usable: the engine answered; nothing is a problem', async () => {
    const d = await diagnose(depsOf(machine({ connect: { result: 'ok' }, groups: [1000, 112], text: { [DEFAULT_SYSTEM_PATHS.group]: GROUP_WITH('docker:x:112:alice') } })));
    expect(d.verdict).toBe('usable');
    expect(d.checks.map((c) => c.id)).toEqual(['installed', 'service', 'socket', 'connect', 'docker-group', 'user-in-group', 'session-group', 'endpoint', 'rootless', 'compose']);
    expect(d.checks.filter((c) => c.status === 'problem')).toEqual([]);
    expect(d).toMatchObject({ privilege: 'pkexec', canRelaunch: true, checkedAt: 1_700_000_000_000, user: { name: 'alice', uid: 1000, home: '/home/alice' } });
  });

  it('permission-denied: EACCES and the user is not in the socket\'s group; the fix is add-user-to-group', async () => {
    const d = await diagnose(depsOf(machine({ connect: EACCES })));
    expect(d.verdict).toBe('permission-denied');
    expect(d.sockets[0]).toEqual({ path: SOCKET, exists: true, owner: 'root', group: 'docker', mode: '660' });
    expect(d.dockerGroup).toEqual({ name: 'docker', exists: true, gid: 112, userListed: false, sessionHas: false });
    expect(checkOf(d, 'user-in-group')).toEqual({ id: 'user-in-group', status: 'problem', evidence: { user: 'alice', group: 'docker', listed: 'false' }, fix: 'add-user-to-group' });
    expect(checkOf(d, 'connect')).toMatchObject({ status: 'problem', evidence: { result: 'permission-denied', detail: 'connect EACCES /var/run/docker.sock' } });
    expect(checkOf(d, 'docker-group').status).toBe('ok');
  });

  it('needs-relogin: /etc/group lists the user but this session started before that', async () => {
    const d = await diagnose(depsOf(machine({ connect: EACCES, text: { [DEFAULT_SYSTEM_PATHS.group]: GROUP_WITH('docker:x:112:bob,alice') } })));
    expect(d.verdict).toBe('needs-relogin');
    expect(d.dockerGroup).toMatchObject({ userListed: true, sessionHas: false });
    expect(checkOf(d, 'session-group')).toEqual({ id: 'session-group', status: 'problem', evidence: { group: 'docker', sessionGroups: 'alice' } });
    expect(checkOf(d, 'user-in-group')).toMatchObject({ status: 'ok' });
    expect(checkOf(d, 'user-in-group').fix).toBeUndefined();
  });

  it('in the group, in this session, and still EACCES (a 0600 socket): permission-denied, and adding to the group is not offered', async () => {
    const d = await diagnose(depsOf(machine({ connect: EACCES, groups: [1000, 112], stats: { [SOCKET]: socketStat(112, 0o140600) }, text: { [DEFAULT_SYSTEM_PATHS.group]: GROUP_WITH('docker:x:112:alice') } })));
    expect(d.verdict).toBe('permission-denied');
    expect(d.sockets[0]?.mode).toBe('600');
    expect(d.checks.filter((c) => c.fix !== undefined)).toEqual([]);
  });

  it('the socket\'s own group is the one to join (dockerd --group), a primary group counts as listed', async () => {
    const d = await diagnose(depsOf(machine({ connect: EACCES, stats: { [SOCKET]: socketStat(1000) } })));
    expect(d.dockerGroup).toMatchObject({ name: 'alice', gid: 1000, userListed: true, sessionHas: true });
  });

  it('no docker group and a root:root socket: the group check is a problem and the fix creates it', async () => {
    const d = await diagnose(depsOf(machine({ connect: EACCES, stats: { [SOCKET]: socketStat(0) }, text: { [DEFAULT_SYSTEM_PATHS.group]: GROUP_WITH('') } })));
    expect(d.verdict).toBe('permission-denied');
    expect(d.dockerGroup).toEqual({ name: 'docker', exists: false, userListed: false, sessionHas: false });
    expect(checkOf(d, 'docker-group')).toMatchObject({ status: 'problem', fix: 'add-user-to-group' });
  });

  it('not-running under systemd: unit state as evidence, and the start-service fix', async () => {
    const d = await diagnose(
      depsOf(
        machine({
          connect: ENOENT,
          stats: { [DEFAULT_SYSTEM_PATHS.systemdRun]: { ...tool, mode: 0o40755, isFile: false } },
          executables: [...(DOCKER_IO.executables ?? []), '/usr/bin/systemctl'],
          queries: {
            '/usr/bin/systemctl is-active docker.service': { code: 3, stdout: 'inactive\n', stderr: '' },
            '/usr/bin/systemctl is-enabled docker.service': { code: 0, stdout: 'enabled\n', stderr: '' },
          },
        }),
      ),
    );
    expect(d.verdict).toBe('not-running');
    expect(d.service).toEqual({ manager: 'systemd', unit: 'docker.service', active: 'inactive', enabled: 'enabled', dockerdRunning: false });
    expect(checkOf(d, 'service')).toEqual({
      id: 'service',
      status: 'problem',
      evidence: { manager: 'systemd', unit: 'docker.service', active: 'inactive', enabled: 'enabled', dockerd: 'none' },
      fix: 'start-service',
    });
  });

  it('usable through a dockerd the service did not start: the service check says so instead of "running", agreeing with its evidence', async () => {
    const d = await diagnose(
      depsOf(
        machine({
          connect: { result: 'ok' },
          groups: [1000, 112],
          text: { [DEFAULT_SYSTEM_PATHS.group]: GROUP_WITH('docker:x:112:alice'), '/proc/812/comm': 'dockerd\n', '/proc/1/comm': 'init\n' },
          stats: { [DEFAULT_SYSTEM_PATHS.systemdRun]: { ...tool, mode: 0o40755, isFile: false } },
          executables: [...(DOCKER_IO.executables ?? []), '/usr/bin/systemctl'],
          queries: {
            '/usr/bin/systemctl is-active docker.service': { code: 3, stdout: 'inactive\n', stderr: '' },
            '/usr/bin/systemctl is-enabled docker.service': { code: 1, stdout: 'disabled\n', stderr: '' },
          },
        }),
      ),
    );
    expect(d.verdict).toBe('usable');
    expect(checkOf(d, 'service')).toMatchObject({ status: 'info', evidence: { active: 'inactive', dockerd: '812' } });
  });

  it('not-running under SysV init (service docker status exits 3)', async () => {
    const d = await diagnose(
      depsOf(
        machine({
          connect: ENOENT,
          stats: { [DEFAULT_SYSTEM_PATHS.initScript]: tool },
          executables: [...(DOCKER_IO.executables ?? []), '/usr/sbin/service'],
          queries: { '/usr/sbin/service docker status': { code: 3, stdout: '', stderr: '' } },
        }),
      ),
    );
    expect(d.service).toMatchObject({ manager: 'sysv', active: 'inactive' });
    expect(checkOf(d, 'service').fix).toBe('start-service');
  });

  it('not-running with no service manager: no fix, unless a service controller is injected', async () => {
    const bare = await diagnose(depsOf(machine({ connect: ENOENT })));
    expect(bare.verdict).toBe('not-running');
    expect(checkOf(bare, 'service')).toMatchObject({ status: 'problem' });
    expect(checkOf(bare, 'service').fix).toBeUndefined();
    const controlled = await diagnose(depsOf(machine({ connect: ENOENT, hasServiceController: true })));
    expect(checkOf(controlled, 'service').fix).toBe('start-service');
  });

  it('a refused (stale) socket is not-running even without binaries', async () => {
    const d = await diagnose(depsOf(machine({ connect: { result: 'refused' }, executables: [] })));
    expect(d.verdict).toBe('not-running');
  });

  it('a dockerd process but no binary on PATH is installed: not-running for this endpoint', async () => {
    const d = await diagnose(
      depsOf(machine({ connect: ENOENT, executables: [], text: { '/proc/812/comm': 'dockerd\n', '/proc/1/comm': 'init\n' } })),
    );
    expect(d.service.dockerdRunning).toBe(true);
    expect(checkOf(d, 'service').evidence.dockerd).toBe('812');
    expect(d.verdict).toBe('not-running');
  });

  it('not-installed: no socket, no docker or dockerd anywhere, no dockerd process', async () => {
    const d = await diagnose(depsOf(machine({ connect: ENOENT, executables: [], stats: { [SOCKET]: undefined }, env: { PATH: '/usr/bin:/bin' } })));
    expect(d.verdict).toBe('not-installed');
    expect(d.installation).toEqual({ packaging: 'none' });
    expect(checkOf(d, 'installed')).toEqual({ id: 'installed', status: 'problem', evidence: { packaging: 'none', searched: '/usr/bin:/bin:/usr/sbin:/usr/local/bin:/snap/bin' } });
    expect(checkOf(d, 'socket')).toMatchObject({ status: 'problem', evidence: { path: SOCKET } });
  });

  it('the CLI alone is no engine: not-installed, and the installed check names the CLI it found', async () => {
    const d = await diagnose(depsOf(machine({ connect: ENOENT, executables: ['/usr/local/bin/docker'], stats: { [SOCKET]: undefined } })));
    expect(d.verdict).toBe('not-installed');
    expect(checkOf(d, 'installed')).toMatchObject({ status: 'problem', evidence: { cli: '/usr/local/bin/docker' } });
  });

  it('a usable local engine without the docker CLI is a warning on the installed check', async () => {
    const d = await diagnose(depsOf(machine({ executables: ['/usr/sbin/dockerd'] })));
    expect(d.verdict).toBe('usable');
    expect(checkOf(d, 'installed').status).toBe('warning');
  });

  it('a running engine whose systemd unit is disabled is a warning (it will not start after a reboot)', async () => {
    const d = await diagnose(
      depsOf(
        machine({
          stats: { [DEFAULT_SYSTEM_PATHS.systemdRun]: { ...tool, mode: 0o40755, isFile: false } },
          executables: [...(DOCKER_IO.executables ?? []), '/usr/bin/systemctl'],
          queries: {
            '/usr/bin/systemctl is-active docker.service': { code: 0, stdout: 'active\n', stderr: '' },
            '/usr/bin/systemctl is-enabled docker.service': { code: 1, stdout: 'disabled\n', stderr: '' },
          },
        }),
      ),
    );
    expect(checkOf(d, 'service')).toMatchObject({ status: 'warning', evidence: { active: 'active', enabled: 'disabled' } });
  });

  it('unreachable: a remote engine that does not answer is checked on its host; this machine\'s socket, service and groups are not its checks', async () => {
    const d = await diagnose(depsOf(machine({ endpoint: { host: 'tcp://10.0.0.5:2376', source: 'DOCKER_HOST' }, connect: { result: 'unreachable', detail: 'connect ETIMEDOUT' } })));
    expect(d.verdict).toBe('unreachable');
    expect(checkOf(d, 'endpoint')).toEqual({ id: 'endpoint', status: 'problem', evidence: { host: 'tcp://10.0.0.5:2376', source: 'DOCKER_HOST' } });
    expect(d.checks.map((c) => c.id)).toEqual(['connect', 'endpoint', 'remote', 'compose']);
    expect(checkOf(d, 'remote')).toEqual({ id: 'remote', status: 'problem', evidence: { host: 'tcp://10.0.0.5:2376' } });
    expect(d.checks.some((c) => c.fix !== undefined)).toBe(false);
  });

  it('an ssh engine that answers: the remote host is fine, and no fix of this machine is offered', async () => {
    const d = await diagnose(depsOf(machine({ endpoint: { host: 'ssh://me@build-server', source: 'chosen', contextName: 'build' }, connect: { result: 'ok' } })));
    expect(d.verdict).toBe('usable');
    expect(d.checks.map((c) => [c.id, c.status])).toEqual([['connect', 'ok'], ['endpoint', 'info'], ['remote', 'ok'], ['compose', 'ok']]);
  });

  it('a remote host refusing is unreachable, never "not running"', async () => {
    const d = await diagnose(depsOf(machine({ endpoint: { host: 'tcp://10.0.0.5:2375', source: 'flag' }, connect: { result: 'refused' } })));
    expect(d.verdict).toBe('unreachable');
  });
});

describe('packaging', () => {
  it('asks dpkg-query which package owns dockerd', async () => {
    const d = await diagnose(depsOf(machine({})));
    expect(d.installation).toEqual({ cliPath: '/usr/bin/docker', dockerdPath: '/usr/sbin/dockerd', packaging: 'docker.io', package: 'docker.io' });
  });

  it('docker-ce from Docker\'s repository', async () => {
    const d = await diagnose(
      depsOf(machine({ executables: ['/usr/bin/docker', '/usr/bin/dockerd', '/usr/bin/dpkg-query'], queries: { '/usr/bin/dpkg-query -S /usr/bin/dockerd': { code: 0, stdout: 'docker-ce: /usr/bin/dockerd\n', stderr: '' } } })),
    );
    expect(d.installation).toMatchObject({ packaging: 'docker-ce', package: 'docker-ce' });
  });

  it('moby-engine on Fedora (rpm -qf)', async () => {
    const d = await diagnose(
      depsOf(machine({ executables: ['/usr/bin/docker', '/usr/bin/dockerd', '/usr/bin/rpm'], queries: { '/usr/bin/rpm -qf --queryformat %{NAME}\n /usr/bin/dockerd': { code: 0, stdout: 'moby-engine\n', stderr: '' } } })),
    );
    expect(d.installation).toMatchObject({ packaging: 'moby-engine', package: 'moby-engine' });
  });

  it('without a package manager, the path tells: /usr/sbin/dockerd is docker.io, /usr/bin/dockerd docker-ce', async () => {
    expect((await diagnose(depsOf(machine({ executables: ['/usr/sbin/dockerd'] })))).installation.packaging).toBe('docker.io');
    expect((await diagnose(depsOf(machine({ executables: ['/usr/bin/dockerd'] })))).installation.packaging).toBe('docker-ce');
  });

  it('snap', async () => {
    expect((await diagnose(depsOf(machine({ executables: ['/snap/bin/docker'] })))).installation.packaging).toBe('snap');
  });

  it('Podman\'s docker-compatible socket (docker.sock is a symlink to podman.sock)', async () => {
    const d = await diagnose(depsOf(machine({ links: { [SOCKET]: '/run/podman/podman.sock' } })));
    expect(d.installation.packaging).toBe('podman');
    expect(d.sockets[0]).toMatchObject({ path: SOCKET, linkTarget: '/run/podman/podman.sock' });
  });

  it('Docker Desktop (~/.docker/desktop/docker.sock)', async () => {
    const endpoint: EngineEndpoint = { host: 'unix:///home/alice/.docker/desktop/docker.sock', source: 'config-context', contextName: 'desktop-linux' };
    const d = await diagnose(depsOf(machine({ endpoint })));
    expect(d.installation.packaging).toBe('docker-desktop');
  });

  it('rootless ($XDG_RUNTIME_DIR/docker.sock), listed among the sockets with the rootless facts', async () => {
    const endpoint: EngineEndpoint = { host: 'unix:///run/user/1000/docker.sock', source: 'rootless' };
    const d = await diagnose(
      depsOf(machine({ endpoint, env: { PATH: '/usr/bin', XDG_RUNTIME_DIR: '/run/user/1000' }, stats: { '/run/user/1000/docker.sock': socketStat(1000, 0o140660, 1000) }, executables: ['/usr/bin/docker', '/usr/bin/dockerd-rootless-setuptool.sh'] })),
    );
    expect(d.installation.packaging).toBe('rootless');
    expect(d.rootless).toEqual({ socketPath: '/run/user/1000/docker.sock', running: false, toolAvailable: true });
    expect(d.sockets.map((s) => s.path)).toEqual(['/run/user/1000/docker.sock', SOCKET]);
    expect(d.dockerGroup.name).toBe('docker');
  });
});
