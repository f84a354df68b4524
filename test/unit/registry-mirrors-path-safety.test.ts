/**
 * Root writes daemon.json only where no one else can swap it: the file (when it exists) is a regular file of root's
 * that only root can write, and so is every folder above it — a sticky world-writable folder (/tmp) only above the
 * file's own folder.
 */
import { describe, expect, it } from 'vitest';
import { configPathRefusal, plainPath } from '../../src/main/core/registry-mirrors/config-path-safety';

interface Entry {
  uid: number;
  mode: number;
  kind: 'dir' | 'file' | 'link' | 'char';
}

/** A file tree as lstat sees it (under a top folder that does not exist on the machine, so no link resolves). */
function tree(entries: Record<string, Entry>) {
  return (path: string) => {
    const e = entries[path];
    if (!e) return undefined;
    return { uid: e.uid, mode: e.mode, isDirectory: () => e.kind === 'dir', isFile: () => e.kind === 'file', isSymbolicLink: () => e.kind === 'link' };
  };
}

const ROOT = { '/': { uid: 0, mode: 0o755, kind: 'dir' } } as const;
const base = (extra: Record<string, Entry>): Record<string, Entry> => ({ ...ROOT, '/wharf-no-such-top': { uid: 0, mode: 0o755, kind: 'dir' }, ...extra });

describe('configPathRefusal', () => {
  it('accepts root-only folders and a root-only file', () => {
    const lstat = tree(base({ '/wharf-no-such-top/docker': { uid: 0, mode: 0o755, kind: 'dir' }, '/wharf-no-such-top/docker/daemon.json': { uid: 0, mode: 0o644, kind: 'file' } }));
    expect(configPathRefusal('/wharf-no-such-top/docker/daemon.json', lstat)).toBeUndefined();
  });

  it("refuses a folder of another user's, even deep above the file", () => {
    const lstat = tree(base({ '/wharf-no-such-top/home': { uid: 1001, mode: 0o755, kind: 'dir' }, '/wharf-no-such-top/home/etc': { uid: 0, mode: 0o755, kind: 'dir' } }));
    expect(configPathRefusal('/wharf-no-such-top/home/etc/daemon.json', lstat)).toEqual({ reason: 'config-dir-owner', path: '/wharf-no-such-top/home' });
  });

  it('refuses a folder others (or the group) can write; a sticky one is fine above, not as the file\'s own', () => {
    const sticky = base({ '/wharf-no-such-top/tmp': { uid: 0, mode: 0o1777, kind: 'dir' }, '/wharf-no-such-top/tmp/engine': { uid: 0, mode: 0o700, kind: 'dir' } });
    expect(configPathRefusal('/wharf-no-such-top/tmp/engine/daemon.json', tree(sticky))).toBeUndefined();
    expect(configPathRefusal('/wharf-no-such-top/tmp/daemon.json', tree(sticky))).toEqual({ reason: 'config-dir-writable', path: '/wharf-no-such-top/tmp' });
    const group = base({ '/wharf-no-such-top/docker': { uid: 0, mode: 0o775, kind: 'dir' } });
    expect(configPathRefusal('/wharf-no-such-top/docker/daemon.json', tree(group))).toEqual({ reason: 'config-dir-writable', path: '/wharf-no-such-top/docker' });
    const open = base({ '/wharf-no-such-top/open': { uid: 0, mode: 0o777, kind: 'dir' }, '/wharf-no-such-top/open/docker': { uid: 0, mode: 0o755, kind: 'dir' } });
    expect(configPathRefusal('/wharf-no-such-top/open/docker/daemon.json', tree(open))).toEqual({ reason: 'config-dir-writable', path: '/wharf-no-such-top/open' });
  });

  it('refuses a file that is a link, a device or a folder, not root\'s, or writable by others', () => {
    const at = (file: Entry) => tree(base({ '/wharf-no-such-top/docker': { uid: 0, mode: 0o755, kind: 'dir' }, '/wharf-no-such-top/docker/daemon.json': file }));
    const path = '/wharf-no-such-top/docker/daemon.json';
    expect(configPathRefusal(path, at({ uid: 0, mode: 0o777, kind: 'link' }))?.reason).toBe('config-not-regular');
    expect(configPathRefusal(path, at({ uid: 0, mode: 0o666, kind: 'char' }))?.reason).toBe('config-not-regular');
    expect(configPathRefusal(path, at({ uid: 0, mode: 0o755, kind: 'dir' }))?.reason).toBe('config-not-regular');
    expect(configPathRefusal(path, at({ uid: 1001, mode: 0o644, kind: 'file' }))?.reason).toBe('config-owner');
    expect(configPathRefusal(path, at({ uid: 0, mode: 0o664, kind: 'file' }))?.reason).toBe('config-writable');
  });

  it('a missing folder is made by root: the first existing one above must be root-only', () => {
    expect(configPathRefusal('/wharf-no-such-top/new/daemon.json', tree(base({})))).toBeUndefined();
    const open = { ...ROOT, '/wharf-no-such-top': { uid: 0, mode: 0o1777, kind: 'dir' } } as Record<string, Entry>;
    expect(configPathRefusal('/wharf-no-such-top/new/daemon.json', tree(open))).toEqual({ reason: 'config-dir-writable', path: '/wharf-no-such-top' });
  });

  it('refuses paths with characters the helper, sha256sum -c or a shell copy would need escaped', () => {
    for (const path of ['relative/daemon.json', '/etc/docker/../sudoers.d/zz', '/etc//docker/daemon.json', '/etc/"x"/daemon.json', '/etc/x\\y', '/etc/a\nb', '/etc/docker/']) {
      expect(plainPath(path), path).toBe(false);
      expect(configPathRefusal(path, tree(base({})))?.reason).toBe('config-path-characters');
    }
    expect(plainPath('/etc/docker/daemon.json')).toBe(true);
  });
});
