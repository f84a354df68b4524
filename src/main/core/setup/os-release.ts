import type { DistroFamily, DistroInfo } from '../../../shared/setup';

const DEBIAN_FAMILY = new Set(['debian', 'ubuntu', 'deepin', 'uos', 'linuxmint', 'kylin', 'openkylin', 'elementary', 'pop', 'zorin', 'raspbian', 'kali', 'neon', 'devuan']);
const FEDORA_FAMILY = new Set(['fedora', 'centos', 'rhel', 'rocky', 'almalinux', 'openeuler', 'anolis', 'ol', 'opencloudos', 'tencentos', 'euleros', 'circle']);

/** Parses os-release(5): KEY=value lines, values optionally in double or single quotes with \-escapes. */
export function parseOsReleaseFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!m || m[1] === undefined || m[2] === undefined) continue;
    let value = m[2];
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\([\\"$`])/g, '$1');
    }
    fields[m[1]] = value;
  }
  return fields;
}

/** Debian or Fedora family: ID_LIKE first (Kylin server and desktop share ID=kylin), then the ID itself. */
export function familyOf(id: string, idLike: readonly string[]): DistroFamily {
  for (const like of idLike) {
    if (like === 'debian' || like === 'ubuntu') return 'debian';
    if (like === 'fedora' || like === 'rhel' || like === 'centos') return 'fedora';
  }
  if (DEBIAN_FAMILY.has(id)) return 'debian';
  if (FEDORA_FAMILY.has(id)) return 'fedora';
  return 'other';
}

/** Node's process.arch → the architecture name apt uses in sources lines. */
export function debianArch(nodeArch: string): string {
  const map: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'armhf', ia32: 'i386', ppc64: 'ppc64el', s390x: 's390x', loong64: 'loong64', riscv64: 'riscv64', mips64el: 'mips64el' };
  return map[nodeArch] ?? nodeArch;
}

/** The distro from /etc/os-release (undefined text: an unknown Linux). */
export function parseOsRelease(text: string | undefined, nodeArch: string): DistroInfo {
  const f = parseOsReleaseFields(text ?? '');
  const id = (f.ID ?? 'linux').toLowerCase();
  const idLike = (f.ID_LIKE ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const distro: DistroInfo = {
    id,
    idLike,
    prettyName: f.PRETTY_NAME ?? f.NAME ?? 'Linux',
    versionId: f.VERSION_ID ?? '',
    codename: (f.VERSION_CODENAME ?? '').toLowerCase(),
    arch: debianArch(nodeArch),
    family: familyOf(id, idLike),
  };
  if (f.UBUNTU_CODENAME) distro.ubuntuCodename = f.UBUNTU_CODENAME.toLowerCase();
  if (f.DEBIAN_CODENAME) distro.debianCodename = f.DEBIAN_CODENAME.toLowerCase();
  return distro;
}
