import { useDashboardStore } from './dashboard-store';
import { startLiveList } from './live-list';

/**
 * While the Dashboard is shown: facts and df, loaded when the engine is (or becomes) connected and again, debounced,
 * when Docker reports a change to the counts or the disk usage ('daemon': a reload changes the registry mirrors).
 * No polling. Returns the stop function.
 */
export function startDashboardSync(): () => void {
  return startLiveList({ types: ['container', 'image', 'volume', 'network', 'builder', 'daemon'], refresh: () => useDashboardStore.getState().refresh() });
}
