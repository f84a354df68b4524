/** Channels of the Registries page (registries); see contract.ts for the rules every channel follows. */
// import { z } from 'zod';
// import { out } from '../channel-def';

export const registryChannels = {} as const;
