import type { CheckId, DockerPackaging, FixId, SetupCheck, SetupDiagnosis, SetupVerdict } from '../../../../shared/setup';

/** The wizard's four steps, as the stepper shows them. */
export const SETUP_STEPS = ['installed', 'running', 'access', 'ready'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];
export type StepState = 'done' | 'current' | 'waiting' | 'pending';

/** Where each verdict leaves the user on the way to a usable engine; null where the steps do not apply (remote engine). */
export function stepStates(verdict: SetupVerdict): Record<SetupStep, StepState> | null {
  switch (verdict) {
    case 'usable':
      return { installed: 'done', running: 'done', access: 'done', ready: 'done' };
    case 'needs-relogin':
      return { installed: 'done', running: 'done', access: 'waiting', ready: 'pending' };
    case 'permission-denied':
      return { installed: 'done', running: 'done', access: 'current', ready: 'pending' };
    case 'not-running':
      return { installed: 'done', running: 'current', access: 'pending', ready: 'pending' };
    case 'not-installed':
      return { installed: 'current', running: 'pending', access: 'pending', ready: 'pending' };
    case 'unreachable':
      return null;
  }
}

/** The fix each verdict calls for, so it is offered even where no check names it. */
const VERDICT_FIX: Partial<Record<SetupVerdict, { fix: FixId; check: CheckId }>> = {
  'permission-denied': { fix: 'add-user-to-group', check: 'connect' },
  'not-running': { fix: 'start-service', check: 'service' },
};

/**
 * Which check shows each fix: the first one that names it (a fix shown twice would be run twice), or for the
 * verdict's own fix, the check it naturally belongs to. Returns check id → the fix shown beside it.
 */
export function fixPlacement(diagnosis: SetupDiagnosis): Map<CheckId, FixId> {
  const placed = new Map<CheckId, FixId>();
  const seen = new Set<FixId>();
  for (const check of diagnosis.checks) {
    if (check.fix && check.status !== 'ok' && !seen.has(check.fix)) {
      placed.set(check.id, check.fix);
      seen.add(check.fix);
    }
  }
  const wanted = VERDICT_FIX[diagnosis.verdict];
  if (wanted && !seen.has(wanted.fix)) {
    const host = diagnosis.checks.find((c) => c.id === wanted.check) ?? diagnosis.checks.find((c) => c.status === 'problem');
    if (host && !placed.has(host.id)) placed.set(host.id, wanted.fix);
  }
  return placed;
}

/**
 * The explanation key of a check: the connect check says what connecting gave; compose's warning says whether only
 * v1 is here; the others follow their status.
 */
export function explanationKey(
  check: SetupCheck,
  diagnosis: SetupDiagnosis,
): `setup.check.${Exclude<CheckId, 'connect'>}.${SetupCheck['status']}` | `setup.connect.${SetupDiagnosis['connect']['result']}` | 'setup.check.compose.v1' {
  const id = check.id;
  if (id === 'connect') return `setup.connect.${diagnosis.connect.result}`;
  if (id === 'compose' && check.status === 'warning' && diagnosis.compose.kind === 'v1') return 'setup.check.compose.v1';
  return `setup.check.${id}.${check.status}`;
}

/** i18next reads dots as nesting, so `docker.io` is kept under a dot-free key. */
export type PackagingKey = 'docker-ce' | 'docker-io' | 'moby-engine' | 'snap' | 'rootless' | 'docker-desktop' | 'podman' | 'unknown' | 'none';

export function packagingKey(packaging: DockerPackaging): PackagingKey {
  return packaging === 'docker.io' ? 'docker-io' : packaging;
}

/** The systemd unit (or plain dockerd) a start-service fix talks about. */
export function serviceName(diagnosis: SetupDiagnosis): string {
  return diagnosis.service.unit ?? (diagnosis.service.manager === 'none' ? 'dockerd' : 'docker.service');
}
