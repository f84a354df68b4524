import { useNetworksStore } from './networks-store';
import { startLiveList } from './volumes-live';

/** While the Networks page is shown: the list, live from network events (connect/disconnect too) and container ones. */
export function startNetworksSync(): () => void {
  return startLiveList(['network'], () => useNetworksStore.getState().refresh());
}
