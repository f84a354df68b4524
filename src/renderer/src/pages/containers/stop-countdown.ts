/** The stops under way, from the running container-action tasks, and what their countdown says at a moment. */
import type { StopCountdown, TaskInfo } from '../../../../shared/tasks';

/** Per container ID: the stop a running task is waiting on. */
export function stopsUnderWay(tasks: readonly TaskInfo[]): Map<string, StopCountdown> {
  const stops = new Map<string, StopCountdown>();
  for (const task of tasks) {
    if (task.kind !== 'container-action' || task.state !== 'running' || task.detail?.kind !== 'items') continue;
    for (const item of task.detail.items) if (item.state === 'pending' && item.stopping) stops.set(item.stopping.id, item.stopping);
  }
  return stops;
}

/** Whole seconds left before SIGKILL (rounded up, never below 0). */
export function secondsToKill(stop: StopCountdown, nowMs: number): number {
  return Math.max(0, Math.ceil((stop.startedAt + stop.seconds * 1000 - nowMs) / 1000));
}
