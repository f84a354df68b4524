/**
 * Which dockerd's --config-file Wharf edits: only one run by the engine's owner (root for the system engine). A local
 * user's process named dockerd whose command line names the socket and a --config-file of their choice is never it,
 * even when Wharf (an ordinary desktop user) cannot read root's file descriptors to see who holds the socket.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDockerd } from '../../src/main/core/registry-mirrors/dockerd-process';

let proc = '';

/** A /proc entry as an unprivileged reader sees it: comm, cmdline and status, no fd/ (another user's). */
function processEntry(pid: number, argv: string[], uid: number, comm = 'dockerd'): void {
  mkdirSync(join(proc, String(pid)));
  writeFileSync(join(proc, String(pid), 'comm'), `${comm}\n`);
  writeFileSync(join(proc, String(pid), 'cmdline'), `${argv.join('\0')}\0`);
  writeFileSync(join(proc, String(pid), 'status'), `Name:\t${comm}\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\n`);
}

const FAKE = ['dockerd', '--host', 'unix:///var/run/docker.sock', '--config-file', '/etc/sudoers.d/zz'];

beforeEach(() => {
  proc = mkdtempSync(join(tmpdir(), 'wharf-proc-'));
});

afterEach(() => rmSync(proc, { recursive: true, force: true }));

describe('findDockerd', () => {
  it("picks root's socket-activated dockerd, not a user's fake that names the socket and /etc/sudoers.d/zz", () => {
    processEntry(812, ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'], 0);
    processEntry(4242, FAKE, 1001);
    expect(findDockerd('/var/run/docker.sock', { proc, ownerUid: 0 })).toEqual({ pid: 812, argv: ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'] });
  });

  it('with only the fake running, finds none (and the default path is used, not the fake\'s)', () => {
    processEntry(4242, FAKE, 1001);
    expect(findDockerd('/var/run/docker.sock', { proc, ownerUid: 0 })).toBeUndefined();
  });

  it('a process that only started as root but runs as a user (setuid dropped) is not root\'s either', () => {
    mkdirSync(join(proc, '4343'));
    writeFileSync(join(proc, '4343', 'comm'), 'dockerd\n');
    writeFileSync(join(proc, '4343', 'cmdline'), `${FAKE.join('\0')}\0`);
    writeFileSync(join(proc, '4343', 'status'), 'Uid:\t1001\t0\t0\t0\n');
    expect(findDockerd('/var/run/docker.sock', { proc, ownerUid: 0 })).toBeUndefined();
  });

  it("a rootless engine's dockerd is the user's own: another user's is not taken", () => {
    processEntry(900, ['dockerd', '--host', 'unix:///run/user/1000/docker.sock'], 1001);
    expect(findDockerd('/run/user/1000/docker.sock', { proc, ownerUid: 1000 })).toBeUndefined();
    processEntry(901, ['dockerd', '--host', 'unix:///run/user/1000/docker.sock'], 1000);
    expect(findDockerd('/run/user/1000/docker.sock', { proc, ownerUid: 1000 })?.pid).toBe(901);
  });
});
