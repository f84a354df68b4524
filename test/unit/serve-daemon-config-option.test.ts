/**
 * `--daemon-config PATH`: the dockerd reading PATH is found by its --config-file — root's or Wharf's own user's, never
 * another user's process named dockerd — and the reload shown is a SIGHUP through that dockerd's pidfile, read when
 * the command runs (no pid copied into the text).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFileController } from '../../src/main/core/registry-mirrors/config-file-controller';
import { findDockerdReading } from '../../src/main/core/registry-mirrors/dockerd-process';

let proc = '';

function processEntry(pid: number, comm: string, argv: string[], uid = 0): void {
  mkdirSync(join(proc, String(pid)));
  writeFileSync(join(proc, String(pid), 'comm'), `${comm}\n`);
  writeFileSync(join(proc, String(pid), 'cmdline'), `${argv.join('\0')}\0`);
  writeFileSync(join(proc, String(pid), 'status'), `Name:\t${comm}\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\nGid:\t${uid}\t${uid}\t${uid}\t${uid}\n`);
}

const OWN_UID = 1000;

beforeEach(() => {
  proc = mkdtempSync(join(tmpdir(), 'wharf-proc-'));
  processEntry(100, 'dockerd', ['/usr/bin/dockerd', '-H', 'fd://']);
  processEntry(200, 'dockerd', ['/usr/sbin/dockerd', '--config-file=/srv/engine2/daemon.json', '--host', 'unix:///srv/engine2/docker.sock', '--pidfile', '/srv/engine2/docker.pid']);
  processEntry(300, 'sleep', ['sleep', '--config-file', '/srv/engine2/daemon.json']);
});

afterEach(() => rmSync(proc, { recursive: true, force: true }));

describe('findDockerdReading', () => {
  it('finds the dockerd started with --config-file PATH, in either flag form, and no other process', () => {
    expect(findDockerdReading('/srv/engine2/daemon.json', { proc, ownUid: OWN_UID })).toEqual({ pid: 200, pidFile: '/srv/engine2/docker.pid', uid: 0 });
    processEntry(400, 'dockerd', ['/usr/sbin/dockerd', '--config-file', '/srv/engine3/daemon.json']);
    expect(findDockerdReading('/srv/engine3/../engine3/daemon.json', { proc, ownUid: OWN_UID })).toEqual({ pid: 400, pidFile: '/var/run/docker.pid', uid: 0 });
  });

  it('answers nothing when no dockerd, or more than one, reads the file', () => {
    expect(findDockerdReading('/etc/docker/daemon.json', { proc, ownUid: OWN_UID })).toBeUndefined();
    processEntry(500, 'dockerd', ['/usr/sbin/dockerd', '--config-file', '/srv/engine2/daemon.json']);
    expect(findDockerdReading('/srv/engine2/daemon.json', { proc, ownUid: OWN_UID })).toBeUndefined();
  });

  it("ignores another user's process named dockerd that claims the file; Wharf's own user's counts", () => {
    processEntry(600, 'dockerd', ['dockerd', '--config-file', '/srv/engine2/daemon.json', '--pidfile', '/tmp/evil.pid'], 1001);
    expect(findDockerdReading('/srv/engine2/daemon.json', { proc, ownUid: OWN_UID })?.pid).toBe(200);
    processEntry(700, 'dockerd', ['dockerd', '--config-file', '/home/me/engine/daemon.json'], OWN_UID);
    expect(findDockerdReading('/home/me/engine/daemon.json', { proc, ownUid: OWN_UID })).toEqual({ pid: 700, pidFile: `/run/user/${OWN_UID}/docker.pid`, uid: OWN_UID });
  });
});

describe('configFileController', () => {
  it('describes and runs a SIGHUP through that dockerd\'s pidfile, only to a process of its owner; it has no restart', async () => {
    const ran: string[][] = [];
    const controller = configFileController('/srv/engine2/daemon.json', async (argv) => void ran.push([...argv]), { proc, systemDirs: ['/nonexistent'], ownUid: OWN_UID });
    const reload = ['/usr/bin/pkill', '--signal', 'HUP', '--pidfile', '/srv/engine2/docker.pid', '--euid', '0'];
    expect(controller.describe('reload')).toEqual([reload]);
    expect(controller.describe('reload').flat()).not.toContain('200');
    expect(controller.describe('restart')).toEqual([]);
    await controller.reload();
    expect(ran).toEqual([reload]);
    await expect(controller.restart()).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('refuses to reload when the dockerd is not running, and shows no reload', async () => {
    const controller = configFileController('/srv/gone/daemon.json', async () => undefined, { proc, systemDirs: ['/nonexistent'], ownUid: OWN_UID });
    expect(controller.describe('reload')).toEqual([]);
    await expect(controller.reload()).rejects.toMatchObject({ code: 'unsupported' });
  });
});
