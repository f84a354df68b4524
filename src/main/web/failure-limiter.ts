/**
 * Rate limit for wrong credentials (token, session, ticket), per remote address: after `maxFailures` failures within
 * `windowMs`, that address is answered 429 until the oldest of them leaves the window — checked before the
 * credential is looked at, so a blocked guesser learns nothing.
 */
export interface FailureLimiter {
  /** 0 when the address may try; otherwise how long it must wait. */
  retryAfterMs(address: string): number;
  recordFailure(address: string): void;
}

export interface FailureLimiterOptions {
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
  /** Addresses remembered at most (the least recently failing go first). */
  maxAddresses?: number;
}

export const DEFAULT_MAX_FAILURES = 10;
export const DEFAULT_FAILURE_WINDOW_MS = 60_000;

export function createFailureLimiter(options: FailureLimiterOptions = {}): FailureLimiter {
  const maxFailures = options.maxFailures ?? DEFAULT_MAX_FAILURES;
  const windowMs = options.windowMs ?? DEFAULT_FAILURE_WINDOW_MS;
  const now = options.now ?? Date.now;
  const maxAddresses = options.maxAddresses ?? 10_000;
  /** address → failure times, oldest first, at most maxFailures; re-inserted on each failure (LRU order). */
  const failures = new Map<string, number[]>();

  const recent = (address: string, t: number): number[] => {
    const times = (failures.get(address) ?? []).filter((at) => at > t - windowMs);
    if (times.length === 0) failures.delete(address);
    return times;
  };

  return {
    retryAfterMs(address: string): number {
      const t = now();
      const times = recent(address, t);
      if (times.length < maxFailures) return 0;
      return Math.max(1, (times[0] ?? t) + windowMs - t);
    },
    recordFailure(address: string): void {
      const t = now();
      const times = [...recent(address, t), t].slice(-maxFailures);
      failures.delete(address);
      failures.set(address, times);
      while (failures.size > maxAddresses) {
        const oldest = failures.keys().next().value;
        if (oldest === undefined) break;
        failures.delete(oldest);
      }
    },
  };
}
