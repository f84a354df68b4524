import type { EngineEndpoint } from '../../../shared/engine';
import type { DockerPackaging } from '../../../shared/setup';
import { socketPathOf } from '../engine/docker-client';
import { findBinary } from './binaries';
import type { QueryRunner } from './query-runner';
import type { FileProbe } from './system-files';

export interface PackagingInput {
  cliPath?: string;
  dockerdPath?: string;
  endpoint: EngineEndpoint;
  env: Record<string, string | undefined>;
  home: string;
  files: FileProbe;
  query: QueryRunner;
  systemDirs: readonly string[];
}

export interface PackagingGuess {
  packaging: DockerPackaging;
  /** The package that owns the binary, when the package manager said. */
  package?: string;
}

const PACKAGE_KINDS: Record<string, DockerPackaging> = {
  'docker-ce': 'docker-ce',
  'docker.io': 'docker.io',
  'moby-engine': 'moby-engine',
  // openEuler's and older CentOS's own packages: the distro's engine, like Debian's docker.io.
  docker: 'docker.io',
  'docker-engine': 'docker.io',
  'podman-docker': 'podman',
  'docker-desktop': 'docker-desktop',
};

/** Which package owns a file: dpkg-query -S on Debian, rpm -qf on the Fedora family. */
async function owningPackage(path: string, input: PackagingInput): Promise<string | undefined> {
  const candidates = [...new Set([path, input.files.linkTarget(path) ?? path])];
  const dpkg = findBinary('dpkg-query', input.systemDirs, input.files);
  const rpm = findBinary('rpm', input.systemDirs, input.files);
  for (const file of candidates) {
    if (dpkg) {
      const r = await input.query(dpkg, ['-S', file]);
      // "docker.io: /usr/sbin/dockerd" (a "diversion by" line never starts with a package name and a colon).
      const m = r.code === 0 ? /^([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9]+)?: /m.exec(r.stdout) : null;
      if (m?.[1]) return m[1];
    }
    if (rpm) {
      const r = await input.query(rpm, ['-qf', '--queryformat', '%{NAME}\n', file]);
      const name = r.stdout.split('\n')[0]?.trim();
      if (r.code === 0 && name) return name;
    }
  }
  return undefined;
}

function socketKind(input: PackagingInput): DockerPackaging | undefined {
  const socket = socketPathOf(input.endpoint);
  if (input.endpoint.contextName === 'desktop-linux' || socket?.startsWith(`${input.home}/.docker/desktop/`)) return 'docker-desktop';
  if (socket !== undefined) {
    const target = input.files.linkTarget(socket) ?? socket;
    if (/(^|\/)podman(\/|\.sock$)/.test(target)) return 'podman';
  }
  const runtimeDir = input.env.XDG_RUNTIME_DIR;
  if (input.endpoint.source === 'rootless' || (runtimeDir && socket === `${runtimeDir}/docker.sock`)) return 'rootless';
  return undefined;
}

/** How Docker got onto this machine: the engine in use first (Desktop, Podman, rootless), then dockerd's package. */
export async function guessPackaging(input: PackagingInput): Promise<PackagingGuess> {
  const bySocket = socketKind(input);
  if (bySocket) return { packaging: bySocket };
  const binary = input.dockerdPath ?? input.cliPath;
  if (binary === undefined) return { packaging: 'none' };
  // The snap's dockerd lives inside the snap; what PATH shows is /snap/bin/docker.
  if (binary.startsWith('/snap/') || input.cliPath?.startsWith('/snap/')) return { packaging: 'snap' };
  const pkg = await owningPackage(binary, input);
  if (pkg !== undefined) return { packaging: PACKAGE_KINDS[pkg] ?? 'unknown', package: pkg };
  // No package manager answered: Debian's docker.io puts dockerd in /usr/sbin, docker-ce and moby-engine in /usr/bin.
  if (input.dockerdPath === '/usr/sbin/dockerd') return { packaging: 'docker.io' };
  if (input.dockerdPath === '/usr/bin/dockerd') return { packaging: 'docker-ce' };
  return { packaging: 'unknown' };
}
