import type { SetupDiagnosis, SetupVerdict } from '../../../shared/setup';

/** What the verdict and the checks are computed from: the diagnosis' facts, before judging them. */
export type SetupFacts = Omit<SetupDiagnosis, 'verdict' | 'checks'> & {
  dockerdPids: number[];
  /** Names of this session's groups, for the evidence. */
  sessionGroupNames: string[];
  /** The endpoint is a local unix socket (its engine can be started and its group joined here). */
  localSocket: boolean;
  /** start-service can do something here: a service controller, systemd or SysV init, for the system engine. */
  canStartService: boolean;
  /** Where docker and dockerd were looked for. */
  searchedDirs: string[];
};

/** Engines whose dockerd is not on PATH: inside a snap, Docker Desktop's VM, or Podman's service. */
const ENGINE_ELSEWHERE = new Set(['snap', 'docker-desktop', 'podman']);

/** A Docker Engine is on this machine: a dockerd binary or process, or a packaging that brings its own (the CLI alone is not one). */
export function enginePresent(facts: Pick<SetupFacts, 'installation' | 'service'>): boolean {
  return facts.installation.dockerdPath !== undefined || facts.service.dockerdRunning || ENGINE_ELSEWHERE.has(facts.installation.packaging);
}

/**
 * usable: the engine answered. needs-relogin: EACCES although /etc/group lists the user in the socket's group —
 * this session started before that. not-installed: no socket and no engine anywhere (at most the CLI). not-running: a local socket
 * that is missing or refuses. unreachable: anything else (a remote host, a broken context, a timeout).
 */
export function verdictOf(facts: SetupFacts): SetupVerdict {
  const { result } = facts.connect;
  if (result === 'ok') return 'usable';
  if (result === 'permission-denied') {
    const g = facts.dockerGroup;
    return g.exists && g.userListed && !g.sessionHas ? 'needs-relogin' : 'permission-denied';
  }
  if (facts.localSocket && result === 'missing') return enginePresent(facts) ? 'not-running' : 'not-installed';
  if (facts.localSocket && result === 'refused') return 'not-running';
  return 'unreachable';
}
