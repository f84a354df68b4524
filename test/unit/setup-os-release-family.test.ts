/** /etc/os-release → distro id, codenames and family (Debian-like or Fedora-like), as the wizard and the install guide use them. */
import { describe, expect, it } from 'vitest';
import { debianArch, familyOf, parseOsRelease, parseOsReleaseFields } from '../../src/main/core/setup/os-release';

describe('os-release parsing', () => {
  it('reads quoted and unquoted values with escapes, and skips comments', () => {
    const fields = parseOsReleaseFields('# comment\nNAME="Debian \\"GNU\\"/Linux"\nID=debian\nVERSION=\'12 (bookworm)\'\nBROKEN LINE\n');
    expect(fields).toEqual({ NAME: 'Debian "GNU"/Linux', ID: 'debian', VERSION: '12 (bookworm)' });
  });

  it('fills DistroInfo, with derivative codenames and the apt architecture', () => {
    const info = parseOsRelease('NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\nVERSION_ID="21.3"\nVERSION_CODENAME=virginia\nUBUNTU_CODENAME=jammy\nPRETTY_NAME="Linux Mint 21.3"\n', 'x64');
    expect(info).toEqual({
      id: 'linuxmint',
      idLike: ['ubuntu', 'debian'],
      prettyName: 'Linux Mint 21.3',
      versionId: '21.3',
      codename: 'virginia',
      ubuntuCodename: 'jammy',
      arch: 'amd64',
      family: 'debian',
    });
  });

  it('a missing file is an unknown Linux', () => {
    expect(parseOsRelease(undefined, 'arm64')).toMatchObject({ id: 'linux', family: 'other', prettyName: 'Linux', arch: 'arm64' });
  });
});

describe('families', () => {
  it.each([
    ['debian', [], 'debian'],
    ['ubuntu', ['debian'], 'debian'],
    ['deepin', [], 'debian'],
    ['uos', [], 'debian'],
    ['linuxmint', ['ubuntu', 'debian'], 'debian'],
    ['kylin', [], 'debian'],
    ['fedora', [], 'fedora'],
    ['centos', ['rhel', 'fedora'], 'fedora'],
    ['rhel', ['fedora'], 'fedora'],
    ['rocky', ['rhel', 'centos', 'fedora'], 'fedora'],
    ['almalinux', ['rhel', 'centos', 'fedora'], 'fedora'],
    ['openeuler', [], 'fedora'],
    ['anolis', ['rhel', 'fedora'], 'fedora'],
    // Kylin server shares ID=kylin with the desktop; its ID_LIKE decides.
    ['kylin', ['fedora'], 'fedora'],
    ['arch', [], 'other'],
    ['opensuse-tumbleweed', ['opensuse', 'suse'], 'other'],
  ] as const)('%s (ID_LIKE %j) is %s', (id, idLike, family) => {
    expect(familyOf(id, idLike)).toBe(family);
  });

  it('openEuler\'s mixed-case ID is matched', () => {
    expect(parseOsRelease('ID="openEuler"\nVERSION_ID="22.03"\n', 'arm64')).toMatchObject({ id: 'openeuler', family: 'fedora' });
  });

  it.each([
    ['x64', 'amd64'],
    ['arm64', 'arm64'],
    ['loong64', 'loong64'],
    ['arm', 'armhf'],
  ])('node arch %s is apt arch %s', (node, apt) => {
    expect(debianArch(node)).toBe(apt);
  });
});
