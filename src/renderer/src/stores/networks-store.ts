import { createListStore } from './list-store';

/** `docker network ls` with subnets and containers, live from network events (connect/disconnect too) and container ones. */
export const useNetworksStore = createListStore({ channel: 'networks.list', input: {}, events: { types: ['network', 'container'] } });
