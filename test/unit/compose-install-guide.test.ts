/**
 * How Setup tells the user to get Compose v2, per distribution as /etc/os-release names it: the distribution's own v2
 * package where it has one (Debian 13's docker-compose, Ubuntu 24.04's docker-compose-v2, Fedora's docker-compose),
 * docker-ce's docker-compose-plugin where it has none (Debian 12, whose docker-compose is 1.29.2; older Ubuntu;
 * Deepin; UOS; openEuler; RHEL) or where Docker already comes from docker-ce; the release binary anywhere else.
 */
import { describe, expect, it } from 'vitest';
import { composeInstallGuide } from '../../src/shared/compose-install-guide';
import { parseOsRelease } from '../../src/main/core/setup/os-release';
import type { DockerPackaging } from '../../src/shared/setup';

const guideFor = (osRelease: string, packaging: DockerPackaging = 'docker.io', arch = 'x64') => composeInstallGuide(parseOsRelease(osRelease, arch), packaging);

const DEBIAN_12 = 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n';
const DEBIAN_13 = 'ID=debian\nVERSION_ID="13"\nVERSION_CODENAME=trixie\n';
const UBUNTU = (v: string, codename: string): string => `ID=ubuntu\nID_LIKE=debian\nVERSION_ID="${v}"\nVERSION_CODENAME=${codename}\nUBUNTU_CODENAME=${codename}\n`;
const DEEPIN_23 = 'ID=deepin\nVERSION_ID=23\nVERSION_CODENAME=beige\n';
const UOS_20 = 'ID=uos\nVERSION_ID="20"\nVERSION_CODENAME=eagle\n';
const FEDORA = (v: string): string => `ID=fedora\nVERSION_ID=${v}\n`;
const OPENEULER = 'ID="openEuler"\nVERSION_ID="22.03"\n';
const ROCKY_9 = 'ID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\n';
const ARCH = 'ID=arch\n';

const APT = (pkg: string): string[][] => [['sudo', 'apt-get', 'update'], ['sudo', 'apt-get', 'install', '-y', pkg]];
const DNF = (pkg: string): string[][] => [['sudo', 'dnf', 'install', '-y', pkg]];

describe('the Debian family', () => {
  it('Debian 13: its own docker-compose is v2', () => {
    expect(guideFor(DEBIAN_13)).toEqual({ case: 'debian-v2-package', commands: APT('docker-compose') });
  });
  it('Debian 12: never its docker-compose (1.29.2), docker-ce\'s plugin', () => {
    expect(guideFor(DEBIAN_12)).toEqual({ case: 'docker-ce-apt', commands: APT('docker-compose-plugin') });
  });
  it('Ubuntu 24.04 and later: docker-compose-v2 (their docker-compose is 1.x); 22.04: docker-ce\'s plugin', () => {
    expect(guideFor(UBUNTU('24.04', 'noble'))).toEqual({ case: 'ubuntu-v2-package', commands: APT('docker-compose-v2') });
    expect(guideFor(UBUNTU('25.04', 'plucky')).case).toBe('ubuntu-v2-package');
    expect(guideFor(UBUNTU('22.04', 'jammy'))).toEqual({ case: 'docker-ce-apt', commands: APT('docker-compose-plugin') });
  });
  it('Deepin and UOS: docker-ce\'s plugin', () => {
    expect(guideFor(DEEPIN_23)).toEqual({ case: 'docker-ce-apt', commands: APT('docker-compose-plugin') });
    expect(guideFor(UOS_20)).toEqual({ case: 'docker-ce-apt', commands: APT('docker-compose-plugin') });
  });
  it('Docker from docker-ce: that repository is already there, its plugin first (even on Debian 13)', () => {
    expect(guideFor(DEBIAN_13, 'docker-ce')).toEqual({ case: 'docker-ce-installed', commands: APT('docker-compose-plugin') });
    expect(guideFor(UBUNTU('24.04', 'noble'), 'docker-ce').case).toBe('docker-ce-installed');
  });
});

describe('the Fedora family', () => {
  it('Fedora: its own docker-compose is v2', () => {
    expect(guideFor(FEDORA('40'))).toEqual({ case: 'fedora', commands: DNF('docker-compose') });
  });
  it('openEuler, Rocky (RHEL) and an old Fedora: docker-ce\'s plugin', () => {
    expect(guideFor(OPENEULER)).toEqual({ case: 'docker-ce-dnf', commands: DNF('docker-compose-plugin') });
    expect(guideFor(ROCKY_9)).toEqual({ case: 'docker-ce-dnf', commands: DNF('docker-compose-plugin') });
    expect(guideFor(FEDORA('35')).case).toBe('docker-ce-dnf');
  });
  it('Docker from docker-ce: its plugin', () => {
    expect(guideFor(FEDORA('40'), 'docker-ce')).toEqual({ case: 'docker-ce-installed', commands: DNF('docker-compose-plugin') });
  });
});

describe('anything else', () => {
  it('the release binary for this architecture into ~/.docker/cli-plugins', () => {
    const mkdir = ['mkdir', '-p', '~/.docker/cli-plugins'];
    expect(guideFor(ARCH)).toEqual({ case: 'manual', asset: 'docker-compose-linux-x86_64', commands: [mkdir, ['install', '-m', '0755', 'docker-compose-linux-x86_64', '~/.docker/cli-plugins/docker-compose']] });
    expect(guideFor(ARCH, 'docker.io', 'arm64').asset).toBe('docker-compose-linux-aarch64');
    expect(guideFor(ARCH, 'docker.io', 'arm').asset).toBe('docker-compose-linux-armv7');
    expect(guideFor(undefined as unknown as string).case).toBe('manual');
  });
});
