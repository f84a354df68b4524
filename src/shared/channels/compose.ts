/** Channels of Compose projects; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import type { ComposeList } from '../compose';

export const composeChannels = {
  /** `docker compose ls [-a]`: projects from the containers' labels, started by Wharf or anywhere else. */
  'compose.list': out<ComposeList>()(z.object({ all: z.boolean() }).strict()),
} as const;
