/** Setup's Compose check: v2 found is fine, none or only v1 is a warning with the way to get v2 on this distribution. */
import { describe, expect, it } from 'vitest';
import { buildChecks } from '../../src/main/core/setup/checks';
import type { SetupFacts } from '../../src/main/core/setup/verdict';
import { composeVersionOf } from '../../src/main/core/compose/compose-tool';
import { composeInstallGuide } from '../../src/shared/compose-install-guide';
import type { ComposeTool } from '../../src/shared/compose';
import type { DistroInfo } from '../../src/shared/setup';

const facts = (compose: ComposeTool): SetupFacts =>
  ({
    user: { name: 'alice', uid: 1000, home: '/home/alice' },
    distro: { id: 'debian', idLike: [], prettyName: 'Debian', versionId: '12', codename: 'bookworm', family: 'debian' },
    installation: { packaging: 'docker.io', cliPath: '/usr/bin/docker', dockerdPath: '/usr/sbin/dockerd' },
    service: { manager: 'systemd', active: 'active', enabled: 'enabled', dockerdRunning: true },
    sockets: [],
    endpoint: { host: 'unix:///var/run/docker.sock', source: 'default' },
    connect: { result: 'ok' },
    dockerGroup: { name: 'docker', exists: true, gid: 112, userListed: true, sessionHas: true },
    rootless: { running: false, toolAvailable: false },
    compose,
    privilege: 'pkexec',
    canRelaunch: false,
    checkedAt: 0,
    dockerdPids: [1],
    sessionGroupNames: [],
    localSocket: true,
    canStartService: true,
    searchedDirs: [],
  }) as SetupFacts;

const composeCheckOf = (tool: ComposeTool) => buildChecks(facts(tool), 'usable').find((c) => c.id === 'compose');

describe('the Compose check', () => {
  it('ok with the plugin or a standalone v2, naming the version and where it is', () => {
    expect(composeCheckOf({ kind: 'plugin', version: '2.26.1', path: '/usr/libexec/docker/cli-plugins/docker-compose', command: ['docker', 'compose'] })).toEqual({
      id: 'compose',
      status: 'ok',
      evidence: { compose: 'docker compose 2.26.1', path: '/usr/libexec/docker/cli-plugins/docker-compose' },
    });
    expect(composeCheckOf({ kind: 'standalone', version: '2.20.2', path: '/usr/local/bin/docker-compose', command: ['/usr/local/bin/docker-compose'] })?.status).toBe('ok');
  });
  it('a warning (never a problem: the engine works) for v1 and for none', () => {
    expect(composeCheckOf({ kind: 'v1', version: '1.29.2', path: '/usr/bin/docker-compose' })).toMatchObject({ status: 'warning', evidence: { compose: 'docker-compose 1.29.2 (v1)' } });
    expect(composeCheckOf({ kind: 'none' })).toMatchObject({ status: 'warning', evidence: { compose: 'none' } });
  });
  it('versions as compose prints them', () => {
    expect(composeVersionOf('v2.26.1\n')).toBe('2.26.1');
    expect(composeVersionOf('2.26.1+ds1-0+deb13u1')).toBe('2.26.1');
    expect(composeVersionOf('1.29.2')).toBe('1.29.2');
    expect(composeVersionOf('docker-compose version 1.29.2, build unknown')).toBeUndefined();
  });
});

describe('the install steps per distribution', () => {
  const distro = (id: string, versionId: string, family: DistroInfo['family']) => ({ id, idLike: [], versionId, family });
  it('Debian 13 and Ubuntu 24.04 package v2; Debian 12, older Ubuntu, Deepin and UOS need docker-ce\'s plugin', () => {
    expect(composeInstallGuide(distro('debian', '13', 'debian'))).toEqual({ case: 'debian-v2-package', commands: [['sudo', 'apt-get', 'install', 'docker-compose']] });
    expect(composeInstallGuide(distro('ubuntu', '24.04', 'debian')).commands).toEqual([['sudo', 'apt-get', 'install', 'docker-compose-v2']]);
    for (const [id, v] of [['debian', '12'], ['ubuntu', '22.04'], ['deepin', '23'], ['uos', '20']] as const) {
      expect(composeInstallGuide(distro(id, v, 'debian'))).toEqual({ case: 'docker-ce-apt', commands: [['sudo', 'apt-get', 'install', 'docker-compose-plugin']] });
    }
  });
  it('Fedora packages v2; openEuler and others of its family take docker-ce\'s plugin; anything else, the binary by hand', () => {
    expect(composeInstallGuide(distro('fedora', '40', 'fedora')).commands).toEqual([['sudo', 'dnf', 'install', 'docker-compose']]);
    expect(composeInstallGuide(distro('openEuler', '22.03', 'fedora')).case).toBe('docker-ce-dnf');
    expect(composeInstallGuide(distro('arch', '', 'other')).case).toBe('manual');
  });
});
