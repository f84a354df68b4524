/**
 * What the stores hold of one engine (its lists, its disk usage, its diagnosis) is forgotten when Wharf switches
 * engines, so no row of the old engine shows under the new one's name. Each store registers how it forgets; an
 * answer still in flight from the old engine must be dropped too (a store bumps its newestOnly turn).
 */
const resets = new Set<() => void>();

export function resetOnEngineSwitch(reset: () => void): void {
  resets.add(reset);
}

export function forgetEngineData(): void {
  for (const reset of resets) reset();
}
