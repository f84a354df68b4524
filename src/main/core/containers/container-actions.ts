/** Lifecycle of one or many containers as a task with per-item results (docker start/stop/…/rm). */
import type { ContainerActionInput, ContainerActionReport } from '../../../shared/container-list';
import type { ItemResult, StopCountdown, TaskInfo } from '../../../shared/tasks';
import { eachLimited } from '../concurrency';
import type { EngineApi } from '../engine/engine-api';
import { isNotModified } from '../engine/engine-errors';
import { toErrorInfo } from '../errors';
import type { TaskManager } from '../tasks/task-manager';

/** Containers acted on at once. */
export const ACTION_CONCURRENCY = 8;

/** One container's part of the action, through the engine layer. */
function act(engine: EngineApi, input: ContainerActionInput): (id: string) => Promise<void> {
  if (input.action === 'remove') return (id) => engine.removeContainer(id, { volumes: input.removeVolumes === true, force: input.force === true });
  const action = input.action;
  return (id) => engine.containerAction(id, action, input.timeout);
}

/** The engine's grace period when neither the request nor the container sets one (`docker stop` without -t). */
export const ENGINE_STOP_TIMEOUT = 10;

/**
 * What a stop will do, read from the container before it is sent: the signal, and the seconds until the engine
 * sends SIGKILL (the timeout given, else the container's StopTimeout, else the engine's default).
 */
async function stopCountdown(engine: EngineApi, id: string, timeout: number | undefined): Promise<StopCountdown | undefined> {
  try {
    const inspect = await engine.inspectContainer(id);
    const own = inspect.Config?.StopTimeout;
    const seconds = timeout ?? (typeof own === 'number' && own >= 0 ? own : ENGINE_STOP_TIMEOUT);
    return { id: inspect.Id, startedAt: Date.now(), seconds, signal: inspect.Config?.StopSignal || 'SIGTERM' };
  } catch {
    // Gone or unreadable: the stop itself will say what happened.
    return undefined;
  }
}

/** Starts the task; items (and a single target) are shown by name, as the list shows them. */
export async function runContainerAction(engine: EngineApi, tasks: TaskManager, input: ContainerActionInput): Promise<TaskInfo<'container-action'>> {
  const listed = await engine.listContainers({ all: true });
  const nameOf = (id: string): string => {
    const found = listed.find((c) => c.Id === id || c.Id.startsWith(id) || c.Names.includes(`/${id}`));
    return found?.Names[0]?.replace(/^\//, '') ?? id;
  };
  const target = input.ids.length === 1 ? nameOf(input.ids[0] ?? '') : `${input.ids.length} containers`;
  return tasks.start({ kind: 'container-action', target }, async (ctx): Promise<ContainerActionReport> => {
    const results: ItemResult[] = input.ids.map((id) => ({ target: nameOf(id), state: 'pending' }));
    const report: ContainerActionReport = { done: 0, failed: 0 };
    const run = act(engine, input);
    let settled = 0;
    ctx.detail({ kind: 'items', items: [...results] });
    await eachLimited(
      input.ids.map((id, index) => ({ id, index })),
      ACTION_CONCURRENCY,
      ctx.signal,
      async ({ id, index }) => {
        const shown = results[index]?.target ?? id;
        try {
          if (input.action === 'stop' || input.action === 'restart') {
            const stopping = await stopCountdown(engine, id, input.timeout);
            if (stopping) {
              results[index] = { target: shown, state: 'pending', stopping };
              ctx.detail({ kind: 'items', items: [...results] });
            }
          }
          await run(id);
          results[index] = { target: shown, state: 'done' };
          report.done += 1;
        } catch (error) {
          // 304: already started / already stopped — what the CLI also treats as done.
          if (isNotModified(error)) {
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
