/** dockerd's flags from its command line, what GET /info says is in effect, and the privileged file commands. */
import { describe, expect, it } from 'vitest';
import { parseDockerdFlags } from '../../src/main/core/registry-mirrors/dockerd-process';
import { importantLines } from '../../src/main/core/registry-mirrors/apply-task';
import { backupStamp, fileCommands } from '../../src/main/core/registry-mirrors/file-commands';
import { inEffectOf, settingsMatch } from '../../src/main/core/registry-mirrors/in-effect';

describe('parseDockerdFlags', () => {
  it('reads both spellings (--flag=value and --flag value), repeated', () => {
    const flags = parseDockerdFlags(['/usr/sbin/dockerd', '-H', 'fd://', '--registry-mirror=https://a.example', '--registry-mirror', 'https://b.example', '--insecure-registry=10.0.0.0/8', '--config-file', '/srv/daemon.json', '--containerd=/run/containerd/containerd.sock', '--pidfile=/srv/docker.pid', '--http-proxy', 'http://p:3128', '--no-proxy=.corp']);
    expect(flags).toEqual({
      registryMirrors: ['https://a.example', 'https://b.example'],
      insecureRegistries: ['10.0.0.0/8'],
      configFile: '/srv/daemon.json',
      pidFile: '/srv/docker.pid',
      hosts: ['fd://'],
      proxies: { httpProxy: 'http://p:3128', noProxy: '.corp' },
    });
  });
});

describe('inEffectOf / settingsMatch', () => {
  const info = {
    RegistryConfig: {
      Mirrors: ['https://docker.m.daocloud.io/'],
      InsecureRegistryCIDRs: ['10.0.0.0/8', '127.0.0.0/8'],
      IndexConfigs: { 'docker.io': { Name: 'docker.io', Secure: true }, '20.26.38.47:5000': { Name: '20.26.38.47:5000', Secure: false } },
    },
  };

  it('answers the values as Wharf writes them, without the built-in loopback CIDR', () => {
    expect(inEffectOf(info)).toEqual({ registryMirrors: ['https://docker.m.daocloud.io'], insecureRegistries: ['20.26.38.47:5000', '10.0.0.0/8'], proxies: { httpProxy: '', httpsProxy: '', noProxy: '' } });
  });

  it('mirrors must match in order, insecure entries as a set', () => {
    const inEffect = inEffectOf(info);
    expect(settingsMatch(inEffect, { registryMirrors: ['https://docker.m.daocloud.io'], insecureRegistries: ['10.0.0.0/8', '20.26.38.47:5000'] })).toBe(true);
    expect(settingsMatch(inEffect, { registryMirrors: [], insecureRegistries: ['10.0.0.0/8', '20.26.38.47:5000'] })).toBe(false);
    expect(settingsMatch(inEffect, { registryMirrors: ['https://docker.m.daocloud.io'], insecureRegistries: ['10.0.0.0/8'] })).toBe(false);
  });
});

describe('fileCommands', () => {
  const now = Date.parse('2026-11-28T09:15:02.123Z');

  it('backs up beside, writes a temp file in the same folder with fsync, renames it over, syncs the folder', () => {
    const c = fileCommands('/etc/docker/daemon.json', { exists: true, dirExists: true, nowMs: now, systemDirs: ['/nonexistent'] });
    expect(backupStamp(now)).toBe('20261128T091502Z');
    expect(c.backupPath).toBe('/etc/docker/daemon.json.bak-20261128T091502Z');
    expect(c.backup).toEqual([['/usr/bin/cp', '-p', '--', '/etc/docker/daemon.json', '/etc/docker/daemon.json.bak-20261128T091502Z']]);
    const temp = '/etc/docker/.daemon.json.wharf-20261128T091502Z.tmp';
    expect(c.write).toEqual([
      { argv: ['/usr/bin/dd', `of=${temp}`, 'conv=fsync', 'status=none'], stdin: true },
      { argv: ['/usr/bin/chmod', '--reference=/etc/docker/daemon.json', '--', temp] },
      { argv: ['/usr/bin/mv', '-f', '-T', '--', temp, '/etc/docker/daemon.json'] },
      { argv: ['/usr/bin/sync', '--', '/etc/docker'] },
    ]);
    expect(c.restore.map((argv) => argv[0])).toEqual(['/usr/bin/cp', '/usr/bin/mv', '/usr/bin/sync']);
  });

  it('a missing file: the folder is made, nothing backed up, restoring removes the new file', () => {
    const c = fileCommands('/etc/docker/daemon.json', { exists: false, dirExists: false, nowMs: now, systemDirs: ['/nonexistent'] });
    expect(c.backupPath).toBeUndefined();
    expect(c.backup).toEqual([['/usr/bin/mkdir', '-p', '-m', '0755', '--', '/etc/docker']]);
    expect(c.restore).toEqual([['/usr/bin/rm', '-f', '--', '/etc/docker/daemon.json']]);
  });
});

describe('importantLines', () => {
  it('keeps the engine’s errors when there are any', () => {
    const lines = ['time="x" level=info msg="Starting up"', 'unable to configure the Docker daemon with file /x: the following directives are specified both as a flag and in the configuration file: registry-mirrors', 'time="y" level=info msg="done"'];
    expect(importantLines(lines)).toEqual([lines[1]]);
    expect(importantLines(['a', 'b'])).toEqual(['a', 'b']);
  });
});
