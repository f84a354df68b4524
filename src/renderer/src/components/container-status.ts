/**
 * The engine's container status text (`docker ps`'s STATUS, written by moby's container State.String()) read back
 * into its parts, so each language can say it: "Up 5 minutes (healthy)", "Exited (137) 2 hours ago".
 */
import type { TFunction } from 'i18next';
import { parseHumanDuration, type DurationBucket } from '../../../shared/human-duration';

export type ContainerStatus =
  | { kind: 'up'; duration: DurationBucket; note?: 'paused' | 'healthy' | 'unhealthy' | 'starting' }
  | { kind: 'exited' | 'restarting'; code: number; duration: DurationBucket }
  | { kind: 'created' | 'removing' | 'dead' };

const NOTES: Record<string, 'paused' | 'healthy' | 'unhealthy' | 'starting'> = {
  Paused: 'paused',
  healthy: 'healthy',
  unhealthy: 'unhealthy',
  'health: starting': 'starting',
};
const FIXED: Record<string, ContainerStatus> = {
  Created: { kind: 'created' },
  'Removal In Progress': { kind: 'removing' },
  Dead: { kind: 'dead' },
};

/** The parts of a status text; null for anything else (shown as the engine wrote it). */
export function parseContainerStatus(text: string): ContainerStatus | null {
  const fixed = FIXED[text];
  if (fixed) return fixed;
  const up = /^Up (.+?)(?: \((Paused|healthy|unhealthy|health: starting)\))?$/.exec(text);
  if (up) {
    const duration = parseHumanDuration(up[1] ?? '');
    if (!duration) return null;
    const note = up[2] === undefined ? undefined : NOTES[up[2]];
    return note ? { kind: 'up', duration, note } : { kind: 'up', duration };
  }
  const ended = /^(Exited|Restarting) \((-?\d+)\) (.+) ago$/.exec(text);
  if (ended) {
    const duration = parseHumanDuration(ended[3] ?? '');
    if (!duration) return null;
    return { kind: ended[1] === 'Exited' ? 'exited' : 'restarting', code: Number(ended[2]), duration };
  }
  return null;
}

/** A duration in the user's language ("5 minutes", "5 分钟"). */
export function durationText(t: TFunction, d: DurationBucket): string {
  return 'count' in d ? t(`common.duration.${d.unit}`, { count: d.count }) : t(`common.duration.${d.unit}`);
}

const UP_KEY = { paused: 'upPaused', healthy: 'upHealthy', unhealthy: 'upUnhealthy', starting: 'upStarting' } as const;

/** The status in the user's language; in English exactly what `docker ps` prints. Unknown text stays as it is. */
export function containerStatusText(t: TFunction, text: string): string {
  const s = parseContainerStatus(text);
  if (!s) return text;
  switch (s.kind) {
    case 'up':
      return t(`containers.statusText.${s.note ? UP_KEY[s.note] : 'up'}`, { duration: durationText(t, s.duration) });
    case 'exited':
    case 'restarting':
      return t(`containers.statusText.${s.kind}`, { code: s.code, duration: durationText(t, s.duration) });
    default:
      return t(`containers.statusText.${s.kind}`);
  }
}
