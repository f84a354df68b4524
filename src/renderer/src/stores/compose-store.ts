import { createListStore } from './list-store';

/** `docker compose ls -a` plus the folders opened in Wharf, live from container events. */
export const useComposeStore = createListStore({ channel: 'compose.list', input: { all: true }, events: { types: ['container'] } });
