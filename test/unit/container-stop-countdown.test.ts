/** The SIGKILL countdown of a stop under way: which containers, and the seconds left at a moment. */
import { describe, expect, it } from 'vitest';
import { secondsToKill, stopsUnderWay } from '../../src/renderer/src/pages/containers/stop-countdown';
import type { TaskInfo } from '../../src/shared/tasks';

const stop = { id: 'c1', startedAt: 1_000_000, seconds: 10, signal: 'SIGTERM' };

function task(state: TaskInfo['state'], kind: TaskInfo['kind'] = 'container-action'): TaskInfo {
  return { id: 't', kind, target: 'web', state, startedAt: 0, detail: { kind: 'items', items: [{ target: 'web', state: 'pending', stopping: stop }, { target: 'db', state: 'done' }] } } as unknown as TaskInfo;
}

describe('stop countdown', () => {
  it('counts whole seconds down to 0 from the stop and its grace period', () => {
    expect(secondsToKill(stop, 1_000_000)).toBe(10);
    expect(secondsToKill(stop, 1_003_200)).toBe(7);
    expect(secondsToKill(stop, 1_010_000)).toBe(0);
    expect(secondsToKill(stop, 1_099_000)).toBe(0);
  });

  it('takes the stops of running container actions only', () => {
    expect([...stopsUnderWay([task('running')]).keys()]).toEqual(['c1']);
    expect(stopsUnderWay([task('succeeded')]).size).toBe(0);
    expect(stopsUnderWay([task('running', 'pull')]).size).toBe(0);
  });
});
