/** Channels of the task panel; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import type { TaskInfo, TaskLog } from '../tasks';

const taskId = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const taskChannels = {
  'tasks.list': out<TaskInfo[]>()(z.object({}).strict()),
  'tasks.cancel': out<TaskInfo>()(z.object({ id: taskId }).strict()),
  /** A task's output lines from `from` on (a build log). */
  'tasks.log': out<TaskLog>()(z.object({ id: taskId, from: z.number().int().min(0) }).strict()),
} as const;
