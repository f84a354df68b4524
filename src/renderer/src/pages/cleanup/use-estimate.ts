import { useCall } from '../../hooks/use-call';

/** Ticking boxes quickly: ask once the ticks settle. */
const ESTIMATE_DELAY_MS = 150;

/** The core's estimate for the ticked items (shared layers once); null while it is being asked. */
export function useEstimate(previewId: string, keys: readonly string[], initial: number): number | null {
  const estimate = useCall('cleanup.estimate', { previewId, keys: [...keys] }, { delayMs: ESTIMATE_DELAY_MS });
  if (!estimate.loading && !estimate.error && estimate.data) return estimate.data.bytes;
  // Until the first answer, the preview's own total holds for its default selection.
  return estimate.data === undefined ? initial : null;
}
