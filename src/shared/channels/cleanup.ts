/** Channels of the Cleanup page; see contract.ts for the rules every channel follows. */
// import { z } from 'zod';
// import { out } from '../channel-def';

export const cleanupChannels = {} as const;
