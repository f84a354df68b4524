/** Channels of the Registries page (daemon-config); see contract.ts for the rules every channel follows. */
// import { z } from 'zod';
// import { out } from '../channel-def';

export const daemonConfigChannels = {} as const;
