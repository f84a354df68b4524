import { createListStore } from './list-store';

/** Container events that change no column of the list (health_status does: the status shows it). */
const QUIET_ACTIONS = /^(exec_|attach|resize|top|archive-path|extract-to-dir|commit|copy|export)/;

/** `docker ps [-a]` (`input.all`), live from container events, followed behind the hidden page after a first visit. */
export const useContainersStore = createListStore({
  channel: 'containers.list',
  input: { all: false },
  events: { types: ['container'], quietContainerActions: QUIET_ACTIONS, waitMs: 250, maxWaitMs: 600 },
  followWhenHidden: true,
});
