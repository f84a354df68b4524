import { startLiveList } from './live-list';
import { useVolumesStore } from './volumes-store';

/** While the Volumes page is shown: the list, live from volume and container events. Sizes are measured on demand. */
export function startVolumesSync(): () => void {
  return startLiveList({ types: ['volume', 'container'], refresh: () => useVolumesStore.getState().refresh() });
}
