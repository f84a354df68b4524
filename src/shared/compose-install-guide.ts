/**
 * How to get Compose v2 on this machine, per distribution (Setup's Compose check shows these when it found none, or
 * only v1). Debian 12's and Ubuntu 22.04's `docker-compose` packages are v1 (1.29, Python): there the plugin comes
 * from docker-ce's repository (or a mirror of it: mirrors.aliyun.com/docker-ce, mirrors.tuna.tsinghua.edu.cn/docker-ce).
 * Debian 13's `docker-compose` and Ubuntu 24.04's `docker-compose-v2` are v2. Pure: unit-tested.
 */
import type { DistroInfo } from './setup';

/** Which text goes with the steps (i18n key under setup.composeInstall). */
export type ComposeInstallCase = 'debian-v2-package' | 'ubuntu-v2-package' | 'docker-ce-apt' | 'fedora' | 'docker-ce-dnf' | 'manual';

export interface ComposeInstallGuide {
  case: ComposeInstallCase;
  commands: string[][];
}

function major(versionId: string): number {
  return Number.parseInt(versionId.split('.')[0] ?? '', 10);
}

export function composeInstallGuide(distro: Pick<DistroInfo, 'id' | 'idLike' | 'versionId' | 'family'>): ComposeInstallGuide {
  const id = distro.id.toLowerCase();
  if (id === 'debian' && major(distro.versionId) >= 13) return { case: 'debian-v2-package', commands: [['sudo', 'apt-get', 'install', 'docker-compose']] };
  if (id === 'ubuntu' && major(distro.versionId) >= 24) return { case: 'ubuntu-v2-package', commands: [['sudo', 'apt-get', 'install', 'docker-compose-v2']] };
  if (distro.family === 'debian') return { case: 'docker-ce-apt', commands: [['sudo', 'apt-get', 'install', 'docker-compose-plugin']] };
  if (id === 'fedora') return { case: 'fedora', commands: [['sudo', 'dnf', 'install', 'docker-compose']] };
  if (distro.family === 'fedora') return { case: 'docker-ce-dnf', commands: [['sudo', 'dnf', 'install', 'docker-compose-plugin']] };
  return { case: 'manual', commands: [['mkdir', '-p', '~/.docker/cli-plugins'], ['chmod', '+x', '~/.docker/cli-plugins/docker-compose']] };
}
