/** Which files are a container's logs: only in its own folder under the engine's data root, rotated names included. */
import { describe, expect, it } from 'vitest';
import { logFiles } from '../../src/main/core/containers/container-logs';

const ID = 'a'.repeat(64);
const ROOT = '/var/lib/docker';
const own = `${ROOT}/containers/${ID}/${ID}-json.log`;
const inspect = (LogPath: string, Type = 'json-file', Config: Record<string, string> = {}) => ({ Id: ID, LogPath, HostConfig: { LogConfig: { Type, Config } } });

describe('logFiles', () => {
  it('json-file: the LogPath, and its rotated names only when it rotates (max-size, max-file)', () => {
    expect(logFiles(inspect(own), ROOT)).toEqual({ driver: 'json-file', options: {}, files: [own] });
    expect(logFiles(inspect(own, 'json-file', { 'max-size': '10m', 'max-file': '3' }), ROOT).files).toEqual([own, `${own}.1`, `${own}.1.gz`, `${own}.2`, `${own}.2.gz`]);
  });

  it('local: its folder`s container.log and five files by default', () => {
    const local = logFiles(inspect('', 'local'), ROOT).files ?? [];
    expect(local[0]).toBe(`${ROOT}/containers/${ID}/local-logs/container.log`);
    expect(local).toHaveLength(9);
  });

  it('a driver that keeps no file: null', () => {
    expect(logFiles(inspect('', 'journald'), ROOT).files).toBeNull();
    expect(logFiles(inspect('', 'none'), ROOT).files).toBeNull();
  });

  it('a LogPath outside the container`s own folder is never taken', () => {
    for (const path of ['/etc/shadow', `${ROOT}/containers/${'b'.repeat(64)}/x-json.log`, `${ROOT}/containers/${ID}/../../../etc/shadow`, `${ROOT}/containers/${ID}`, '']) {
      expect(logFiles(inspect(path), ROOT).files, path).toEqual([]);
    }
  });
});
