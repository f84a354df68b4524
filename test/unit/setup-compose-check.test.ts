/**
 * Setup's Compose check: v2 found (plugin or standalone) is ok and names it and where it is; none or only v1 is a
 * warning, never a problem (the engine works without compose), v1 with its own explanation. Shown for local and
 * remote engines alike: compose runs on this machine.
 */
import { describe, expect, it } from 'vitest';
import { buildChecks, composeCheck } from '../../src/main/core/setup/checks';
import type { SetupFacts } from '../../src/main/core/setup/verdict';
import { composeVersionOf } from '../../src/main/core/compose/compose-tool';
import { explanationKey } from '../../src/renderer/src/pages/setup/setup-model';
import type { ComposeTool } from '../../src/shared/compose';
import type { SetupDiagnosis } from '../../src/shared/setup';

const PLUGIN: ComposeTool = { kind: 'plugin', version: '2.26.1', path: '/usr/libexec/docker/cli-plugins/docker-compose', command: ['/usr/bin/docker', 'compose'] };
const STANDALONE: ComposeTool = { kind: 'standalone', version: '2.20.2', path: '/usr/local/bin/docker-compose', command: ['/usr/local/bin/docker-compose'] };
const V1: ComposeTool = { kind: 'v1', version: '1.29.2', path: '/usr/bin/docker-compose' };
const NONE: ComposeTool = { kind: 'none' };

describe('the Compose check from each kind of compose found', () => {
  it('the plugin: ok, "docker compose <version>" and the plugin file', () => {
    expect(composeCheck(PLUGIN)).toEqual({ id: 'compose', status: 'ok', evidence: { compose: 'docker compose 2.26.1', plugin: '/usr/libexec/docker/cli-plugins/docker-compose' } });
  });
  it('a standalone v2: ok, "docker-compose <version>" and its path', () => {
    expect(composeCheck(STANDALONE)).toEqual({ id: 'compose', status: 'ok', evidence: { compose: 'docker-compose 2.20.2', path: '/usr/local/bin/docker-compose' } });
  });
  it('only v1: a warning naming it, with no fix (installing is the user\'s)', () => {
    expect(composeCheck(V1)).toEqual({ id: 'compose', status: 'warning', evidence: { compose: 'docker-compose 1.29.2', path: '/usr/bin/docker-compose' } });
  });
  it('none: a warning with nothing to show', () => {
    expect(composeCheck(NONE)).toEqual({ id: 'compose', status: 'warning', evidence: {} });
  });
});

describe('the check in the list', () => {
  const facts = (host: string, compose: ComposeTool): SetupFacts =>
    ({
      user: { name: 'alice', uid: 1000, home: '/home/alice' },
      distro: { id: 'debian', idLike: [], prettyName: 'Debian', versionId: '12', codename: 'bookworm', family: 'debian' },
      installation: { packaging: 'docker.io', cliPath: '/usr/bin/docker', dockerdPath: '/usr/sbin/dockerd' },
      service: { manager: 'systemd', active: 'active', enabled: 'enabled', dockerdRunning: true },
      sockets: [],
      endpoint: { host, source: 'default' },
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

  it('last, for a local engine and for a remote one (compose runs here and talks to that engine)', () => {
    for (const host of ['unix:///var/run/docker.sock', 'ssh://me@build-server', 'tcp://10.0.0.5:2376']) {
      const checks = buildChecks(facts(host, NONE), 'usable');
      expect(checks.at(-1)).toEqual({ id: 'compose', status: 'warning', evidence: {} });
      expect(checks.filter((c) => c.id === 'compose')).toHaveLength(1);
    }
  });
});

describe('what the check says', () => {
  const diagnosisWith = (compose: ComposeTool): SetupDiagnosis => ({ compose, connect: { result: 'ok' } }) as SetupDiagnosis;
  it('v1 is explained as v1 (unsupported), none as none, ok as ok', () => {
    expect(explanationKey(composeCheck(V1), diagnosisWith(V1))).toBe('setup.check.compose.v1');
    expect(explanationKey(composeCheck(NONE), diagnosisWith(NONE))).toBe('setup.check.compose.warning');
    expect(explanationKey(composeCheck(PLUGIN), diagnosisWith(PLUGIN))).toBe('setup.check.compose.ok');
  });
});

describe('composeVersionOf: the version `version --short` prints', () => {
  it.each([
    ['v2.26.1\n', '2.26.1'],
    ['2.26.1+ds1-0+deb13u1', '2.26.1'],
    ['1.29.2', '1.29.2'],
    ['  2.40.3\n', '2.40.3'],
  ])('%j → %s', (output, version) => {
    expect(composeVersionOf(output)).toBe(version);
  });
  it.each(['docker-compose version 1.29.2, build unknown', 'garbage', '', 'v2', 'Error: unknown command'])('%j is no version', (output) => {
    expect(composeVersionOf(output)).toBeUndefined();
  });
});
