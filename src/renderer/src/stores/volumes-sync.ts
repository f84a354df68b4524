import { useVolumesStore } from './volumes-store';
import { startLiveList } from './volumes-live';

/** While the Volumes page is shown: the list, live from volume and container events. Sizes are measured on demand. */
export function startVolumesSync(): () => void {
  return startLiveList(['volume'], () => useVolumesStore.getState().refresh());
}
