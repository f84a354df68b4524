export interface Debounced {
  (): void;
  cancel(): void;
}

/**
 * Runs `fn` once things calm down for `waitMs`, but never later than `maxWaitMs` after the first
 * request, so a steady stream of events still refreshes in time.
 */
export function debounce(fn: () => void, waitMs: number, maxWaitMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | undefined;

  const fire = (): void => {
    timer = undefined;
    firstAt = undefined;
    fn();
  };

  const debounced = (): void => {
    const now = Date.now();
    firstAt ??= now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(waitMs, firstAt + maxWaitMs - now)));
  };
  debounced.cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    firstAt = undefined;
  };
  return debounced;
}
