import { useContainersStore } from './containers-store';
import { startLiveList } from './live-list';

/** Container events that change no column of the list (health_status does: the status shows it). */
const QUIET_ACTIONS = /^(exec_|attach|resize|top|archive-path|extract-to-dir|commit|copy|export)/;

/** While the Containers page is shown: the list, live from container events. No polling. Returns the stop function. */
export function startContainersSync(): () => void {
  return startLiveList({ types: ['container'], quietContainerActions: QUIET_ACTIONS, refresh: () => useContainersStore.getState().refresh(), waitMs: 250, maxWaitMs: 600 });
}
