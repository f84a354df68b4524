/** go-units HumanDuration, the CLI's CREATED column ("About an hour", "3 weeks"), as a bucket the UI can translate. */
export type DurationBucket =
  | { unit: 'lessThanSecond' }
  | { unit: 'oneSecond' }
  | { unit: 'aboutMinute' }
  | { unit: 'aboutHour' }
  | { unit: 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years'; count: number };

/** Same thresholds and integer truncation as github.com/docker/go-units HumanDuration. */
export function durationBucket(ms: number): DurationBucket {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return { unit: 'lessThanSecond' };
  if (seconds === 1) return { unit: 'oneSecond' };
  if (seconds < 60) return { unit: 'seconds', count: seconds };
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return { unit: 'aboutMinute' };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  // Go's d.Round(time.Hour): halves round away from zero.
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return { unit: 'aboutHour' };
  if (hours < 48) return { unit: 'hours', count: hours };
  if (hours < 24 * 7 * 2) return { unit: 'days', count: Math.trunc(hours / 24) };
  if (hours < 24 * 30 * 2) return { unit: 'weeks', count: Math.trunc(hours / 24 / 7) };
  if (hours < 24 * 365 * 2) return { unit: 'months', count: Math.trunc(hours / 24 / 30) };
  return { unit: 'years', count: Math.trunc(Math.trunc(ms / 3_600_000) / 24 / 365) };
}

const FIXED: Record<'lessThanSecond' | 'oneSecond' | 'aboutMinute' | 'aboutHour', string> = {
  lessThanSecond: 'Less than a second',
  oneSecond: '1 second',
  aboutMinute: 'About a minute',
  aboutHour: 'About an hour',
};

/** The English text go-units prints, e.g. "2 days". */
export function humanDuration(ms: number): string {
  const b = durationBucket(ms);
  return 'count' in b ? `${b.count} ${b.unit}` : FIXED[b.unit];
}

/** The CLI's CreatedSince: HumanDuration(now - created) + " ago". */
export function createdSince(createdSeconds: number, nowMs: number): string {
  return `${humanDuration(nowMs - createdSeconds * 1000)} ago`;
}

const FIXED_BY_TEXT = new Map(Object.entries(FIXED).map(([unit, text]) => [text, unit as keyof typeof FIXED]));
const COUNTED = /^(\d+) (seconds|minutes|hours|days|weeks|months|years)$/;

/** The inverse of humanDuration: go-units' English text back to its bucket; null when it is not one. */
export function parseHumanDuration(text: string): DurationBucket | null {
  const fixed = FIXED_BY_TEXT.get(text);
  if (fixed) return { unit: fixed };
  const m = COUNTED.exec(text);
  return m ? { unit: m[2] as 'seconds', count: Number(m[1]) } : null;
}
