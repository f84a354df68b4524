/**
 * How to install Docker Engine when it is missing: the distro's own package and docker-ce from Docker's
 * repository or one of its China mirrors. Pure data, shown as copyable steps (`setup.install.step.<key>`);
 * Wharf never runs any of it.
 */
import type { CommandLine, DistroInfo, InstallGuide, InstallStep } from './setup';

export type DockerCeMirror = InstallGuide['dockerCe'][number]['mirror'];

/** docker-ce's package repository and the mirrors of it that users in China use (same layout under each base). */
export const DOCKER_CE_MIRRORS: ReadonlyArray<{ mirror: DockerCeMirror; baseUrl: string }> = [
  { mirror: 'docker', baseUrl: 'https://download.docker.com' },
  { mirror: 'aliyun', baseUrl: 'https://mirrors.aliyun.com/docker-ce' },
  { mirror: 'tuna', baseUrl: 'https://mirrors.tuna.tsinghua.edu.cn/docker-ce' },
  { mirror: 'ustc', baseUrl: 'https://mirrors.ustc.edu.cn/docker-ce' },
];

const CE_PACKAGES = ['docker-ce', 'docker-ce-cli', 'containerd.io', 'docker-buildx-plugin', 'docker-compose-plugin'];
const APT_KEYRING = '/etc/apt/keyrings/docker.asc';
const APT_SOURCES = '/etc/apt/sources.list.d/docker.list';
const YUM_REPO_FILE = '/etc/yum.repos.d/docker-ce.repo';
const DEBIAN_CODENAMES = ['buster', 'bullseye', 'bookworm', 'trixie'];

/** Deepin and UOS are Debian-based but have their own codenames, which docker-ce does not know. */
const DEBIAN_BASE_OF: Record<string, string> = {
  // Deepin 20 (apricot) and UOS 20 (eagle) are built on Debian 10; Deepin 23 (beige) on Debian 12.
  apricot: 'buster',
  eagle: 'buster',
  beige: 'bookworm',
};

const sudo = (...argv: string[]): CommandLine => ['sudo', ...argv];
const step = (key: string, commands: CommandLine[], values?: Record<string, string>): InstallStep => (values ? { key, values, commands } : { key, commands });
const enableService = (): InstallStep => step('enableService', [sudo('systemctl', 'enable', '--now', 'docker')]);

/** A codename or architecture goes into a copyable command line: only plain tokens, else the fallback. */
function token(value: string | undefined, fallback: string): string {
  return value !== undefined && /^[a-z0-9][a-z0-9._-]{0,31}$/.test(value) ? value : fallback;
}

export interface AptRepository {
  /** download.docker.com/linux/<repo> */
  repo: 'debian' | 'ubuntu';
  codename: string;
  /** The distro's own codename is not one docker-ce publishes: the guide names the base release it assumes. */
  mapped: boolean;
}

/** Which docker-ce apt repository fits a Debian-family distro. */
export function aptRepositoryFor(distro: DistroInfo): AptRepository {
  const id = distro.id.toLowerCase();
  const ubuntuBased = id === 'ubuntu' || distro.idLike.includes('ubuntu') || distro.ubuntuCodename !== undefined;
  if (id === 'ubuntu') return { repo: 'ubuntu', codename: token(distro.ubuntuCodename ?? distro.codename, 'noble'), mapped: false };
  if (id === 'debian') return { repo: 'debian', codename: token(distro.codename, 'bookworm'), mapped: distro.codename === '' };
  if (distro.ubuntuCodename !== undefined) return { repo: 'ubuntu', codename: token(distro.ubuntuCodename, 'noble'), mapped: true };
  if (distro.debianCodename !== undefined) return { repo: 'debian', codename: token(distro.debianCodename, 'bookworm'), mapped: true };
  const base = DEBIAN_BASE_OF[distro.codename];
  if (base !== undefined) return { repo: 'debian', codename: base, mapped: true };
  if (id === 'deepin') return { repo: 'debian', codename: distro.versionId.startsWith('20') ? 'buster' : 'bookworm', mapped: true };
  if (id === 'uos') return { repo: 'debian', codename: 'buster', mapped: true };
  // Kylin desktop V10 is built on Ubuntu 20.04.
  if (id === 'kylin') return { repo: 'ubuntu', codename: 'focal', mapped: true };
  if (ubuntuBased) return { repo: 'ubuntu', codename: token(distro.codename, 'noble'), mapped: true };
  if (DEBIAN_CODENAMES.includes(distro.codename)) return { repo: 'debian', codename: distro.codename, mapped: false };
  return { repo: 'debian', codename: 'bookworm', mapped: true };
}

function aptDockerCe(distro: DistroInfo, baseUrl: string): InstallStep[] {
  const repo = aptRepositoryFor(distro);
  const arch = token(distro.arch, 'amd64');
  const url = `${baseUrl}/linux/${repo.repo}`;
  const line = `deb [arch=${arch} signed-by=${APT_KEYRING}] ${url} ${repo.codename} stable`;
  const steps: InstallStep[] = [];
  if (repo.mapped) steps.push(step('codenameMapped', [], { distro: distro.prettyName || distro.id, repo: repo.repo, codename: repo.codename }));
  steps.push(
    step('aptPrerequisites', [sudo('apt-get', 'update'), sudo('apt-get', 'install', '-y', 'ca-certificates', 'curl')]),
    step('aptKeyring', [
      sudo('install', '-m', '0755', '-d', '/etc/apt/keyrings'),
      sudo('curl', '-fsSL', `${url}/gpg`, '-o', APT_KEYRING),
      sudo('chmod', 'a+r', APT_KEYRING),
    ]),
    // Copy-only: a root shell writes the one sources line (built from the tokens above, never run by Wharf).
    step('aptSource', [sudo('sh', '-c', `echo "${line}" > ${APT_SOURCES}`)], { arch, codename: repo.codename, repo: repo.repo }),
    step('aptInstallCe', [sudo('apt-get', 'update'), sudo('apt-get', 'install', '-y', ...CE_PACKAGES)]),
    enableService(),
  );
  return steps;
}

function debianGuide(distro: DistroInfo): InstallGuide {
  return {
    family: 'debian',
    distroPackage: [
      step('aptUpdate', [sudo('apt-get', 'update')]),
      step('aptInstallDistro', [sudo('apt-get', 'install', '-y', 'docker.io')], { package: 'docker.io' }),
      enableService(),
    ],
    dockerCe: DOCKER_CE_MIRRORS.map(({ mirror, baseUrl }) => ({ mirror, baseUrl, steps: aptDockerCe(distro, baseUrl) })),
  };
}

/** The distro's own Docker package on the Fedora family, where there is one. */
function dnfDistroPackage(id: string): string | undefined {
  if (id === 'fedora') return 'moby-engine';
  if (id === 'openeuler') return 'docker';
  return undefined;
}

function majorVersion(versionId: string): number {
  const major = Number.parseInt(versionId, 10);
  return Number.isFinite(major) ? major : 0;
}

function dnfDockerCe(distro: DistroInfo, mirror: DockerCeMirror, baseUrl: string): InstallStep[] {
  const id = distro.id.toLowerCase();
  const fedora = id === 'fedora';
  const repoUrl = `${baseUrl}/linux/${fedora ? 'fedora' : 'centos'}/docker-ce.repo`;
  const steps: InstallStep[] = [];
  if (fedora && majorVersion(distro.versionId) >= 41) {
    // dnf5 (Fedora 41+) has config-manager built in, with its own syntax.
    steps.push(step('dnfAddRepo', [sudo('dnf', 'config-manager', 'addrepo', '--from-repofile', repoUrl)]));
  } else {
    steps.push(step('dnfPlugins', [sudo('dnf', '-y', 'install', 'dnf-plugins-core')]));
    steps.push(step('dnfAddRepo', [sudo('dnf', 'config-manager', '--add-repo', repoUrl)]));
  }
  // The mirrors serve Docker's own .repo file, whose baseurl still names download.docker.com.
  if (mirror !== 'docker') steps.push(step('repoMirror', [sudo('sed', '-i', `s+https://download.docker.com+${baseUrl}+`, YUM_REPO_FILE)], { baseUrl }));
  if (id === 'openeuler') {
    // openEuler's $releasever ("22.03LTS") is not a CentOS release: pin the CentOS release docker-ce builds for.
    const releasever = majorVersion(distro.versionId) <= 20 ? '7' : '8';
    steps.push(step('repoReleasever', [sudo('sed', '-i', `s+$releasever+${releasever}+`, YUM_REPO_FILE)], { releasever }));
  }
  steps.push(step('dnfInstallCe', [sudo('dnf', 'install', '-y', ...CE_PACKAGES)]), enableService());
  return steps;
}

function fedoraGuide(distro: DistroInfo): InstallGuide {
  const pkg = dnfDistroPackage(distro.id.toLowerCase());
  return {
    family: 'fedora',
    distroPackage: pkg === undefined ? [] : [step('dnfInstallDistro', [sudo('dnf', 'install', '-y', pkg)], { package: pkg }), enableService()],
    dockerCe: DOCKER_CE_MIRRORS.map(({ mirror, baseUrl }) => ({ mirror, baseUrl, steps: dnfDockerCe(distro, mirror, baseUrl) })),
  };
}

/** The install steps for this distro's family; empty lists for a family Wharf has no guide for. */
export function installGuide(distro: DistroInfo): InstallGuide {
  if (distro.family === 'debian') return debianGuide(distro);
  if (distro.family === 'fedora') return fedoraGuide(distro);
  return { family: 'other', distroPackage: [], dockerCe: [] };
}
