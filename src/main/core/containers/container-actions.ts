/** Lifecycle of one or many containers as a task with per-item results (docker start/stop/…/rm). */
import type { ContainerActionInput, ContainerActionReport } from '../../../shared/container-list';
import type { ItemResult, TaskInfo } from '../../../shared/tasks';
import { eachLimited } from '../concurrency';
import type { EngineConnection } from '../engine/connection';
import { toErrorInfo } from '../errors';
import type { TaskManager } from '../tasks/task-manager';

/** Containers acted on at once. */
export const ACTION_CONCURRENCY = 8;

interface Modem {
  statusCode?: number;
}

type Act = (container: ReturnType<ReturnType<EngineConnection['client']>['getContainer']>) => Promise<unknown>;

function act(input: ContainerActionInput): Act {
  const t = input.timeout === undefined ? {} : { t: input.timeout };
  switch (input.action) {
    case 'start':
      return (c) => c.start();
    case 'stop':
      return (c) => c.stop(t);
    case 'restart':
      return (c) => c.restart(t);
    case 'pause':
      return (c) => c.pause();
    case 'unpause':
      return (c) => c.unpause();
    case 'kill':
      return (c) => c.kill();
    case 'remove':
      return (c) => c.remove({ v: input.removeVolumes === true, force: input.force === true });
  }
}

/** Starts the task; items (and a single target) are shown by name, as the list shows them. */
export async function runContainerAction(connection: EngineConnection, tasks: TaskManager, input: ContainerActionInput): Promise<TaskInfo> {
  const docker = connection.client();
  const listed = (await docker.listContainers({ all: true })) as Array<{ Id: string; Names?: string[] }>;
  const nameOf = (id: string): string => {
    const found = listed.find((c) => c.Id === id || c.Id.startsWith(id) || c.Names?.includes(`/${id}`));
    return found?.Names?.[0]?.replace(/^\//, '') ?? id;
  };
  const target = input.ids.length === 1 ? nameOf(input.ids[0] ?? '') : `${input.ids.length} containers`;
  return tasks.start({ kind: 'container-action', target }, async (ctx): Promise<ContainerActionReport> => {
    const results: ItemResult[] = input.ids.map((id) => ({ target: nameOf(id), state: 'pending' }));
    const report: ContainerActionReport = { done: 0, failed: 0 };
    const run = act(input);
    let settled = 0;
    ctx.detail({ kind: 'items', items: [...results] });
    await eachLimited(
      input.ids.map((id, index) => ({ id, index })),
      ACTION_CONCURRENCY,
      ctx.signal,
      async ({ id, index }) => {
        const shown = results[index]?.target ?? id;
        try {
          await run(docker.getContainer(id));
          results[index] = { target: shown, state: 'done' };
          report.done += 1;
        } catch (error) {
          // 304: already started / already stopped — what the CLI also treats as done.
          if ((error as Modem).statusCode === 304) {
            results[index] = { target: shown, state: 'done' };
            report.done += 1;
          } else {
            const info = toErrorInfo(error);
            results[index] = { target: shown, state: 'failed', reason: info.code === 'not-found' ? 'gone' : 'engine', message: info.message };
            report.failed += 1;
          }
        }
        settled += 1;
        ctx.detail({ kind: 'items', items: [...results] });
        ctx.progress(settled / input.ids.length, { key: 'items', values: { done: settled, total: input.ids.length } });
      },
    );
    return report;
  });
}
