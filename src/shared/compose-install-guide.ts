/**
 * How to get Compose v2 on this machine, per distribution (Setup's Compose check shows these when it found none, or
 * only v1). Checked facts: Debian 12's `docker-compose` is 1.29.2 (Python) and Debian 13's is 2.26.1; Ubuntu 24.04's
 * `docker-compose` is still 1.29.2 and its `docker-compose-v2` is v2. Where the distribution has no v2 package (Debian
 * 12 and older, Ubuntu before 24.04, Deepin, UOS, openEuler, RHEL and its rebuilds) the way is `docker-compose-plugin`
 * from docker-ce's repository (or a mirror of it: mirrors.aliyun.com/docker-ce, mirrors.tuna.tsinghua.edu.cn/docker-ce).
 * Docker installed from docker-ce already has that repository: its plugin comes first. Pure: unit-tested.
 */
import type { CommandLine, DistroInfo, DockerPackaging } from './setup';

/** Which text goes with the steps (i18n key under setup.composeInstall). */
export type ComposeInstallCase = 'docker-ce-installed' | 'debian-v2-package' | 'ubuntu-v2-package' | 'docker-ce-apt' | 'fedora' | 'docker-ce-dnf' | 'manual';

export interface ComposeInstallGuide {
  case: ComposeInstallCase;
  /** Copyable commands; an argument starting with "~/" is meant for the shell to expand. */
  commands: CommandLine[];
  /** manual: the release file to download for this architecture (docker-compose-linux-x86_64, …). */
  asset?: string;
}

/** Compose's release files are named by the kernel's machine name, not by the package architecture. */
const RELEASE_ARCH: Record<string, string> = { amd64: 'x86_64', arm64: 'aarch64', armhf: 'armv7', ppc64el: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };

function major(versionId: string): number {
  const n = Number.parseInt(versionId.split('.')[0] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}

const apt = (pkg: string): CommandLine[] => [['sudo', 'apt-get', 'update'], ['sudo', 'apt-get', 'install', '-y', pkg]];
const dnf = (pkg: string): CommandLine[] => [['sudo', 'dnf', 'install', '-y', pkg]];

function manualGuide(arch: string | undefined): ComposeInstallGuide {
  const asset = `docker-compose-linux-${RELEASE_ARCH[arch ?? 'amd64'] ?? 'x86_64'}`;
  return { case: 'manual', asset, commands: [['mkdir', '-p', '~/.docker/cli-plugins'], ['install', '-m', '0755', asset, '~/.docker/cli-plugins/docker-compose']] };
}

export function composeInstallGuide(distro: Pick<DistroInfo, 'id' | 'versionId' | 'family' | 'arch'>, packaging: DockerPackaging): ComposeInstallGuide {
  const id = distro.id.toLowerCase();
  if (packaging === 'docker-ce' && distro.family === 'debian') return { case: 'docker-ce-installed', commands: apt('docker-compose-plugin') };
  if (packaging === 'docker-ce' && distro.family === 'fedora') return { case: 'docker-ce-installed', commands: dnf('docker-compose-plugin') };
  if (id === 'debian' && major(distro.versionId) >= 13) return { case: 'debian-v2-package', commands: apt('docker-compose') };
  if (id === 'ubuntu' && major(distro.versionId) >= 24) return { case: 'ubuntu-v2-package', commands: apt('docker-compose-v2') };
  if (distro.family === 'debian') return { case: 'docker-ce-apt', commands: apt('docker-compose-plugin') };
  // Fedora's own docker-compose has been v2 for several releases; older ones are past their end of life.
  if (id === 'fedora' && major(distro.versionId) >= 39) return { case: 'fedora', commands: dnf('docker-compose') };
  if (distro.family === 'fedora') return { case: 'docker-ce-dnf', commands: dnf('docker-compose-plugin') };
  return manualGuide(distro.arch);
}
