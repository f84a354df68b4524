import { debounce } from './debounce';
import { useEngineStore } from './engine-store';
import { useImagesStore } from './images-store';
import { startLiveList } from './live-list';

/** `/system/df` walks every layer: asked for only after the list settled, and at most every few seconds. */
const USAGE_DEBOUNCE_MS = 1500;
const USAGE_MAX_WAIT_MS = 5000;

/**
 * While the Images page is shown: the list, live from image events and container ones (they change the per-image
 * container counts), and disk usage measured after the list arrived. No polling. Returns the stop function.
 */
export function startImagesSync(): () => void {
  const store = useImagesStore.getState;
  const usage = debounce(
    () => {
      if (useEngineStore.getState().status?.state === 'connected') void store().loadDiskUsage();
    },
    USAGE_DEBOUNCE_MS,
    USAGE_MAX_WAIT_MS,
  );
  const list = async (): Promise<void> => {
    await store().refresh();
    if (!store().list) return;
    // The first measurement right after the first list; later ones debounced behind the events.
    if (store().diskUsage === null && store().diskUsageError === null) void store().loadDiskUsage();
    else usage();
  };
  const stop = startLiveList({ types: ['image', 'container'], refresh: list });
  return () => {
    stop();
    usage.cancel();
  };
}
