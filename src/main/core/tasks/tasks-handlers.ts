/** The tasks.* channels: the task panel's list, cancel and a task's output. */
import type { taskChannels } from '../../../shared/channels/tasks';
import type { HandlersOf } from '../dispatch';
import type { TaskManager } from './task-manager';

export function tasksHandlers(tasks: TaskManager): HandlersOf<typeof taskChannels> {
  return {
    'tasks.list': () => tasks.list(),
    'tasks.cancel': ({ id }) => tasks.cancel(id),
    'tasks.log': ({ id, from }) => tasks.log(id, from),
  };
}
