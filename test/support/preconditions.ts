import fs from 'node:fs';
import { BUSYBOX, DOCKER_CLI_DEBIAN, DOCKER_CLI_NEW, DOCKER_REGISTRY, DOCKERD, IP, TAR } from './constants';

const HOW_TO_RUN =
  'Run the suite with `sudo bash .ci/run` (installs docker.io docker-registry busybox-static and runs everything), ' +
  'or with `sudo npm test` once they are installed.';

interface Requirement {
  path: string;
  what: string;
}

const REQUIRED: Requirement[] = [
  { path: DOCKERD, what: `${DOCKERD} (Debian package docker.io)` },
  { path: DOCKER_CLI_DEBIAN, what: `${DOCKER_CLI_DEBIAN} (Debian package docker.io)` },
  { path: DOCKER_REGISTRY, what: `${DOCKER_REGISTRY} (Debian package docker-registry)` },
  { path: BUSYBOX, what: `${BUSYBOX} (Debian package busybox-static)` },
  { path: IP, what: `${IP} (Debian package iproute2)` },
  { path: TAR, what: `${TAR} (Debian package tar)` },
];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The docker CLI used by default: /usr/local/bin/docker when present, else Debian's. */
export function defaultDockerCli(): string {
  return isExecutable(DOCKER_CLI_NEW) ? DOCKER_CLI_NEW : DOCKER_CLI_DEBIAN;
}

/** Throws an Error naming exactly what is missing (root, binaries) and how to run the suite. */
export function assertHarnessPreconditions(): void {
  const problems: string[] = [];
  if (process.platform !== 'linux') problems.push(`Linux is required (this is ${process.platform})`);
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    problems.push(`root is required to run a private dockerd and create bridges (uid is ${process.getuid?.() ?? 'unknown'})`);
  }
  for (const requirement of REQUIRED) {
    if (!isExecutable(requirement.path)) problems.push(`missing ${requirement.what}`);
  }
  if (problems.length > 0) {
    throw new Error(`Wharf's real-engine test harness cannot start: ${problems.join('; ')}. ${HOW_TO_RUN}`);
  }
}
