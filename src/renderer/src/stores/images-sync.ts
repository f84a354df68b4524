import { debounce } from './debounce';
import { useEngineStore } from './engine-store';
import { useImagesStore, useImageUsageStore } from './images-store';

/** `/system/df` walks every layer: asked for only after the list settled, and at most every few seconds. */
const USAGE_DEBOUNCE_MS = 1500;
const USAGE_MAX_WAIT_MS = 5000;

/**
 * While the Images page is shown: the list, live from image events and container ones, and disk usage measured
 * after the list arrived. No polling. Returns the stop function.
 */
export function startImagesSync(): () => void {
  const usage = useImageUsageStore.getState;
  const later = debounce(
    () => {
      if (useEngineStore.getState().status?.state === 'connected') void usage().load();
    },
    USAGE_DEBOUNCE_MS,
    USAGE_MAX_WAIT_MS,
  );
  const stop = useImagesStore.startSync(() => {
    if (!useImagesStore.getState().list) return;
    // The first measurement right after the first list; later ones debounced behind the events.
    if (usage().diskUsage === null && usage().diskUsageError === null) void usage().load();
    else later();
  });
  return () => {
    stop();
    later.cancel();
  };
}
