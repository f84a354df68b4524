import { startLiveList } from './live-list';
import { useNetworksStore } from './networks-store';

/** While the Networks page is shown: the list, live from network events (connect/disconnect too) and container ones. */
export function startNetworksSync(): () => void {
  return startLiveList({ types: ['network', 'container'], refresh: () => useNetworksStore.getState().refresh() });
}
