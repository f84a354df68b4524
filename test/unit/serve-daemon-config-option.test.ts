/** `--daemon-config PATH`: the dockerd reading PATH is found by its --config-file, and the reload is a SIGHUP to it alone. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configFileController, dockerdReading } from '../../src/main/web/daemon-config-option';

let proc = '';

function processEntry(pid: number, comm: string, argv: string[]): void {
  mkdirSync(join(proc, String(pid)));
  writeFileSync(join(proc, String(pid), 'comm'), `${comm}\n`);
  writeFileSync(join(proc, String(pid), 'cmdline'), `${argv.join('\0')}\0`);
}

beforeEach(() => {
  proc = mkdtempSync(join(tmpdir(), 'wharf-proc-'));
  processEntry(100, 'dockerd', ['/usr/bin/dockerd', '-H', 'fd://']);
  processEntry(200, 'dockerd', ['/usr/sbin/dockerd', '--config-file=/srv/engine2/daemon.json', '--host', 'unix:///srv/engine2/docker.sock']);
  processEntry(300, 'sleep', ['sleep', '--config-file', '/srv/engine2/daemon.json']);
});

afterEach(() => rmSync(proc, { recursive: true, force: true }));

describe('dockerdReading', () => {
  it('finds the dockerd started with --config-file PATH, in either flag form, and no other process', () => {
    expect(dockerdReading('/srv/engine2/daemon.json', proc)).toBe(200);
    processEntry(400, 'dockerd', ['/usr/sbin/dockerd', '--config-file', '/srv/engine3/daemon.json']);
    expect(dockerdReading('/srv/engine3/../engine3/daemon.json', proc)).toBe(400);
  });

  it('answers nothing when no dockerd, or more than one, reads the file', () => {
    expect(dockerdReading('/etc/docker/daemon.json', proc)).toBeUndefined();
    processEntry(500, 'dockerd', ['/usr/sbin/dockerd', '--config-file', '/srv/engine2/daemon.json']);
    expect(dockerdReading('/srv/engine2/daemon.json', proc)).toBeUndefined();
  });
});

describe('configFileController', () => {
  it('describes and runs `kill -s HUP` for that dockerd only; it has no restart', async () => {
    const ran: string[][] = [];
    const controller = configFileController('/srv/engine2/daemon.json', async (argv) => void ran.push([...argv]), { proc, systemDirs: ['/nonexistent'] });
    expect(controller.describe('reload')).toEqual([['/usr/bin/kill', '-s', 'HUP', '200']]);
    expect(controller.describe('restart')).toEqual([]);
    await controller.reload();
    expect(ran).toEqual([['/usr/bin/kill', '-s', 'HUP', '200']]);
    await expect(controller.restart()).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('refuses to reload when the dockerd is not running', async () => {
    const controller = configFileController('/srv/gone/daemon.json', async () => undefined, { proc, systemDirs: ['/nonexistent'] });
    expect(controller.describe('reload')).toEqual([['/usr/bin/kill', '-s', 'HUP', '<dockerd-pid>']]);
    await expect(controller.reload()).rejects.toMatchObject({ code: 'unsupported' });
  });
});
