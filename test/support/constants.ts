import os from 'node:os';
import path from 'node:path';

/** Binaries the harness drives. Debian's docker.io, docker-registry and busybox-static. */
export const DOCKERD = '/usr/sbin/dockerd';
export const DOCKER_CLI_NEW = '/usr/local/bin/docker';
export const DOCKER_CLI_DEBIAN = '/usr/bin/docker';
export const DOCKER_REGISTRY = '/usr/bin/docker-registry';
export const BUSYBOX = '/usr/bin/busybox';
/** Optional: makes children die with the test process (PR_SET_PDEATHSIG). */
export const SETPRIV = '/usr/bin/setpriv';

/** Every harness directory is `<tmp>/wharf-test-…`; sweepStaleHarnesses() relies on it. */
export const DIR_PREFIX = 'wharf-test-';
/** Every harness bridge is `wharf…` (≤ 15 chars); sweepStaleHarnesses() relies on it. */
export const BRIDGE_PREFIX = 'wharf';
/** The file in each harness directory that names its owner process and resources. */
export const OWNER_FILE = 'owner.json';

/** Bridge subnets are 10.213.<n>.0/24, the engine's pools for user networks 10.214.<n>.0/24. */
export const BRIDGE_NET_PREFIX = '10.213';
export const POOL_NET_PREFIX = '10.214';

// Unix socket paths are limited to 107 bytes; containerd's socket is the deepest one we create.
const LONGEST_SOCKET_SUFFIX = '/wharf-test-name-abcdef/exec/containerd/containerd-debug.sock';

/** The base directory for harness dirs: os.tmpdir(), or /tmp when that would make socket paths too long. */
export function harnessBaseDir(): string {
  const tmp = os.tmpdir();
  return tmp.length + LONGEST_SOCKET_SUFFIX.length <= 100 ? tmp : '/tmp';
}

/** Where subnet reservations live (one exclusive-create lock file per /24 index). */
export function netLockDir(): string {
  return path.join(harnessBaseDir(), 'wharf-netlocks');
}

/** System tools, by absolute path so a reduced PATH (sudo, CI) cannot break teardown. */
export const IP = '/usr/bin/ip';
export const IPTABLES = '/usr/sbin/iptables';
export const UMOUNT = '/usr/bin/umount';
export const TAR = '/usr/bin/tar';
