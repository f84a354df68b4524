/** Install guidance per distro family: the distro package, docker-ce from Docker and its China mirrors, the right apt codename. */
import { describe, expect, it } from 'vitest';
import { parseOsRelease } from '../../src/main/core/setup/os-release';
import { aptRepositoryFor, DOCKER_CE_MIRRORS, installGuide } from '../../src/shared/install-guide';
import { shellQuote } from '../../src/shared/shell-quote';
import type { CommandLine, DistroInfo, InstallGuide } from '../../src/shared/setup';

function distro(osRelease: string, arch = 'x64'): DistroInfo {
  return parseOsRelease(osRelease, arch);
}

const DEBIAN_12 = 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n';
const UBUNTU_2404 = 'ID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\nVERSION_CODENAME=noble\nUBUNTU_CODENAME=noble\nPRETTY_NAME="Ubuntu 24.04 LTS"\n';
const DEEPIN_20 = 'PRETTY_NAME="Deepin 20.9"\nNAME="Deepin"\nVERSION_ID="20.9"\nVERSION_CODENAME=apricot\nID=Deepin\n';
const DEEPIN_23 = 'PRETTY_NAME="Deepin 23"\nNAME="Deepin"\nVERSION_ID="23"\nVERSION_CODENAME=beige\nID=deepin\n';
const UOS_20 = 'PRETTY_NAME="UnionTech OS Desktop 20 Pro"\nNAME="uos"\nVERSION_ID="20"\nVERSION_CODENAME=eagle\nID=uos\n';
const MINT_21 = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\nVERSION_ID="21.3"\nVERSION_CODENAME=virginia\nUBUNTU_CODENAME=jammy\nPRETTY_NAME="Linux Mint 21.3"\n';
const FEDORA_40 = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=40\nPRETTY_NAME="Fedora Linux 40 (Workstation Edition)"\n';
const FEDORA_41 = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=41\nPRETTY_NAME="Fedora Linux 41 (Workstation Edition)"\n';
const ROCKY_9 = 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.4"\nPRETTY_NAME="Rocky Linux 9.4 (Blue Onyx)"\n';
const OPENEULER_2203 = 'NAME="openEuler"\nVERSION="22.03 (LTS-SP3)"\nID="openEuler"\nVERSION_ID="22.03"\nPRETTY_NAME="openEuler 22.03 (LTS-SP3)"\n';
const ARCH = 'NAME="Arch Linux"\nID=arch\nPRETTY_NAME="Arch Linux"\n';

function allCommands(guide: InstallGuide): CommandLine[] {
  return [...guide.distroPackage.flatMap((s) => s.commands), ...guide.dockerCe.flatMap((m) => m.steps.flatMap((s) => s.commands))];
}

function ceSteps(guide: InstallGuide, mirror: string): InstallGuide['dockerCe'][number]['steps'] {
  const entry = guide.dockerCe.find((m) => m.mirror === mirror);
  if (!entry) throw new Error(`no ${mirror} entry`);
  return entry.steps;
}

describe('docker-ce mirrors', () => {
  it('are Docker itself and the Aliyun, Tsinghua TUNA and USTC mirrors', () => {
    expect(DOCKER_CE_MIRRORS).toEqual([
      { mirror: 'docker', baseUrl: 'https://download.docker.com' },
      { mirror: 'aliyun', baseUrl: 'https://mirrors.aliyun.com/docker-ce' },
      { mirror: 'tuna', baseUrl: 'https://mirrors.tuna.tsinghua.edu.cn/docker-ce' },
      { mirror: 'ustc', baseUrl: 'https://mirrors.ustc.edu.cn/docker-ce' },
    ]);
  });
});

describe('Debian family', () => {
  it('Debian 12: docker.io from the distro, docker-ce with a keyring and a bookworm sources line from every mirror', () => {
    const guide = installGuide(distro(DEBIAN_12));
    expect(guide.family).toBe('debian');
    expect(guide.distroPackage.map((s) => s.key)).toEqual(['aptUpdate', 'aptInstallDistro', 'enableService']);
    expect(guide.distroPackage[1]?.commands).toEqual([['sudo', 'apt-get', 'install', '-y', 'docker.io']]);
    expect(guide.dockerCe.map((m) => m.mirror)).toEqual(['docker', 'aliyun', 'tuna', 'ustc']);
    for (const { baseUrl, steps } of guide.dockerCe) {
      expect(steps.map((s) => s.key)).toEqual(['aptPrerequisites', 'aptKeyring', 'aptSource', 'aptInstallCe', 'enableService']);
      expect(steps[1]?.commands).toContainEqual(['sudo', 'curl', '-fsSL', `${baseUrl}/linux/debian/gpg`, '-o', '/etc/apt/keyrings/docker.asc']);
      expect(steps[2]?.commands).toEqual([
        ['sudo', 'sh', '-c', `echo "deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] ${baseUrl}/linux/debian bookworm stable" > /etc/apt/sources.list.d/docker.list`],
      ]);
      expect(steps[3]?.commands[1]).toEqual(['sudo', 'apt-get', 'install', '-y', 'docker-ce', 'docker-ce-cli', 'containerd.io', 'docker-buildx-plugin', 'docker-compose-plugin']);
      expect(steps[4]?.commands).toEqual([['sudo', 'systemctl', 'enable', '--now', 'docker']]);
    }
  });

  it('Ubuntu uses the ubuntu repository with its own codename, and the machine architecture', () => {
    const steps = ceSteps(installGuide(distro(UBUNTU_2404, 'arm64')), 'tuna');
    expect(steps.find((s) => s.key === 'aptSource')?.commands[0]?.[3]).toBe(
      'echo "deb [arch=arm64 signed-by=/etc/apt/keyrings/docker.asc] https://mirrors.tuna.tsinghua.edu.cn/docker-ce/linux/ubuntu noble stable" > /etc/apt/sources.list.d/docker.list',
    );
    expect(steps.some((s) => s.key === 'codenameMapped')).toBe(false);
  });

  it.each([
    ['Deepin 20 (apricot)', DEEPIN_20, 'buster'],
    ['Deepin 23 (beige)', DEEPIN_23, 'bookworm'],
    ['UOS 20 (eagle)', UOS_20, 'buster'],
  ])('%s maps to Debian %s and says so', (_name, text, codename) => {
    const info = distro(text);
    expect(info.family).toBe('debian');
    expect(aptRepositoryFor(info)).toEqual({ repo: 'debian', codename, mapped: true });
    const steps = ceSteps(installGuide(info), 'ustc');
    expect(steps[0]).toEqual({ key: 'codenameMapped', values: { distro: info.prettyName, repo: 'debian', codename }, commands: [] });
    expect(steps.find((s) => s.key === 'aptSource')?.commands[0]?.[3]).toContain(`https://mirrors.ustc.edu.cn/docker-ce/linux/debian ${codename} stable`);
  });

  it('Linux Mint uses its Ubuntu base (UBUNTU_CODENAME)', () => {
    expect(aptRepositoryFor(distro(MINT_21))).toEqual({ repo: 'ubuntu', codename: 'jammy', mapped: true });
  });

  it('a codename that is not a plain token never reaches the copyable command line', () => {
    const info: DistroInfo = { ...distro(DEBIAN_12), id: 'debian', codename: 'x"; rm -rf / #', arch: '$(id)' };
    const line = ceSteps(installGuide(info), 'docker').find((s) => s.key === 'aptSource')?.commands[0]?.[3];
    expect(line).toBe('echo "deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/debian bookworm stable" > /etc/apt/sources.list.d/docker.list');
  });
});

describe('Fedora family', () => {
  it('Fedora 40: moby-engine from the distro; docker-ce via dnf-plugins-core and config-manager --add-repo, mirrors rewrite the baseurl', () => {
    const guide = installGuide(distro(FEDORA_40));
    expect(guide.family).toBe('fedora');
    expect(guide.distroPackage[0]).toEqual({ key: 'dnfInstallDistro', values: { package: 'moby-engine' }, commands: [['sudo', 'dnf', 'install', '-y', 'moby-engine']] });
    expect(ceSteps(guide, 'docker').map((s) => s.key)).toEqual(['dnfPlugins', 'dnfAddRepo', 'dnfInstallCe', 'enableService']);
    expect(ceSteps(guide, 'docker')[1]?.commands).toEqual([['sudo', 'dnf', 'config-manager', '--add-repo', 'https://download.docker.com/linux/fedora/docker-ce.repo']]);
    const aliyun = ceSteps(guide, 'aliyun');
    expect(aliyun.map((s) => s.key)).toEqual(['dnfPlugins', 'dnfAddRepo', 'repoMirror', 'dnfInstallCe', 'enableService']);
    expect(aliyun[1]?.commands[0]).toEqual(['sudo', 'dnf', 'config-manager', '--add-repo', 'https://mirrors.aliyun.com/docker-ce/linux/fedora/docker-ce.repo']);
    expect(aliyun[2]?.commands[0]).toEqual(['sudo', 'sed', '-i', 's+https://download.docker.com+https://mirrors.aliyun.com/docker-ce+', '/etc/yum.repos.d/docker-ce.repo']);
  });

  it('Fedora 41+ (dnf5) adds the repository with config-manager addrepo', () => {
    const steps = ceSteps(installGuide(distro(FEDORA_41)), 'tuna');
    expect(steps[0]?.commands).toEqual([['sudo', 'dnf', 'config-manager', 'addrepo', '--from-repofile', 'https://mirrors.tuna.tsinghua.edu.cn/docker-ce/linux/fedora/docker-ce.repo']]);
  });

  it('Rocky (a CentOS-like) uses the centos repository and has no distro package', () => {
    const guide = installGuide(distro(ROCKY_9));
    expect(guide.family).toBe('fedora');
    expect(guide.distroPackage).toEqual([]);
    expect(ceSteps(guide, 'ustc')[1]?.commands[0]).toEqual(['sudo', 'dnf', 'config-manager', '--add-repo', 'https://mirrors.ustc.edu.cn/docker-ce/linux/centos/docker-ce.repo']);
  });

  it('openEuler: the distro\'s "docker" package; docker-ce from the centos repository with $releasever pinned', () => {
    const guide = installGuide(distro(OPENEULER_2203));
    expect(guide.family).toBe('fedora');
    expect(guide.distroPackage[0]?.commands).toEqual([['sudo', 'dnf', 'install', '-y', 'docker']]);
    const steps = ceSteps(guide, 'aliyun');
    expect(steps.map((s) => s.key)).toEqual(['dnfPlugins', 'dnfAddRepo', 'repoMirror', 'repoReleasever', 'dnfInstallCe', 'enableService']);
    expect(steps[3]?.commands[0]).toEqual(['sudo', 'sed', '-i', 's+$releasever+8+', '/etc/yum.repos.d/docker-ce.repo']);
    // Shown single-quoted: the shell must not expand $releasever.
    expect(shellQuote(steps[3]?.commands[0] ?? [])).toBe("sudo sed -i 's+$releasever+8+' /etc/yum.repos.d/docker-ce.repo");
  });
});

describe('other distros', () => {
  it('get no commands (the wizard links to Docker\'s docs instead)', () => {
    expect(installGuide(distro(ARCH))).toEqual({ family: 'other', distroPackage: [], dockerCe: [] });
  });

  it('every command of every guide starts with sudo and is argv (no empty entries)', () => {
    for (const text of [DEBIAN_12, UBUNTU_2404, DEEPIN_20, UOS_20, MINT_21, FEDORA_40, FEDORA_41, ROCKY_9, OPENEULER_2203]) {
      for (const command of allCommands(installGuide(distro(text)))) {
        expect(command[0]).toBe('sudo');
        expect(command.every((a) => a.length > 0)).toBe(true);
      }
    }
  });
});
