/**
 * Long operations as tasks: a task id at once, progress that never goes backwards and reaches the
 * listeners at most 10 times a second, cancellation that wins over a late result, and a final state
 * that is always the last thing the listeners see. Time is a fake clock driven by the test.
 */
import { describe, expect, it } from 'vitest';
import type { PullResult } from '../../src/shared/image-transfer';
import type { TaskKind, TaskResults } from '../../src/shared/task-results';
import type { TaskInfo } from '../../src/shared/tasks';
import { contract } from '../../src/shared/contract';
import type { Clock } from '../../src/main/core/clock';
import { WharfError } from '../../src/main/core/errors';
import type { TaskContext, TaskManager } from '../../src/main/core/tasks/task-manager';
import { createTaskManager } from '../../src/main/core/tasks/task-manager';
import { engineError } from '../../src/main/core/engine/engine-errors';

/** Manual timers: nothing fires until advance() moves time past it. */
class FakeClock implements Clock {
  private time = 1_700_000_000_000;
  private nextHandle = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + Math.max(0, ms), fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward by ms, firing due timers in order at their own time. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = end;
  }
}

interface Update {
  at: number;
  task: TaskInfo;
}

/** A task whose run function the test drives: it resolves or rejects when the test says so. */
interface Driven<K extends TaskKind> {
  ctx: Promise<TaskContext>;
  resolve(value: TaskResults[K]): void;
  reject(error: unknown): void;
  run: (ctx: TaskContext) => Promise<TaskResults[K]>;
}

function driven<K extends TaskKind = 'pull'>(): Driven<K> {
  let giveCtx: (ctx: TaskContext) => void = () => undefined;
  const ctx = new Promise<TaskContext>((r) => (giveCtx = r));
  let resolve: (value: TaskResults[K]) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const result = new Promise<TaskResults[K]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {
    ctx,
    resolve,
    reject,
    run: (c) => {
      giveCtx(c);
      return result;
    },
  };
}

function setup(): { clock: FakeClock; tasks: TaskManager; updates: Update[] } {
  const clock = new FakeClock();
  const updates: Update[] = [];
  const tasks = createTaskManager({ clock, onUpdate: (task) => updates.push({ at: clock.now(), task }) });
  return { clock, tasks, updates };
}

const pulled = (digest: string): PullResult => ({ reference: 'busybox:latest', id: digest, digest, upToDate: false, source: { kind: 'direct' }, commands: [['docker', 'pull', 'busybox:latest']] });

const last = <T>(items: T[]): T => {
  const item = items[items.length - 1];
  if (item === undefined) throw new Error('empty');
  return item;
};

describe('task lifecycle', () => {
  it('start answers at once with a running task and an id the tasks.cancel channel accepts', () => {
    const { tasks, updates } = setup();
    const info = tasks.start({ kind: 'pull', target: 'busybox:latest' }, driven().run);
    expect(info).toMatchObject({ kind: 'pull', target: 'busybox:latest', state: 'running' });
    expect(info.id).toBeTruthy();
    expect(contract['tasks.cancel'].input.safeParse({ id: info.id }).success).toBe(true);
    // The task panel learns about it right away.
    expect(updates.map((u) => u.task)).toContainEqual(expect.objectContaining({ id: info.id, state: 'running' }));
  });

  it('each task gets its own id', () => {
    const { tasks } = setup();
    const ids = new Set(Array.from({ length: 20 }, () => tasks.start({ kind: 'pull', target: 'x' }, driven().run).id));
    expect(ids.size).toBe(20);
  });

  it('lists and gets running tasks', () => {
    const { tasks } = setup();
    const a = tasks.start({ kind: 'pull', target: 'a' }, driven().run);
    const b = tasks.start({ kind: 'build', target: 'b' }, driven<'build'>().run);
    expect(tasks.list().map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    expect(tasks.get(b.id)).toMatchObject({ kind: 'build', target: 'b', state: 'running' });
    expect(tasks.get('no-such-task')).toBeUndefined();
  });

  it('success → succeeded with the result and progress 1, and the listeners see it last', async () => {
    const { tasks, updates } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'busybox' }, task.run);
    (await task.ctx).progress(0.3);
    task.resolve(pulled('sha256:abc'));
    const done = await tasks.settled(id);
    expect(done).toMatchObject({ id, state: 'succeeded', progress: 1, result: { digest: 'sha256:abc' } });
    expect(done.endedAt).toBeGreaterThanOrEqual(done.startedAt);
    expect(last(updates).task).toMatchObject({ id, state: 'succeeded', progress: 1 });
  });

  it('a throw → failed with the error mapped to a contract code', async () => {
    const { tasks, updates } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'nope:latest' }, task.run);
    task.reject(engineError(Object.assign(new Error('(HTTP code 404) no such image'), { statusCode: 404, json: { message: 'manifest for nope:latest not found' } })));
    const done = await tasks.settled(id);
    expect(done.state).toBe('failed');
    expect(done.error).toEqual({ code: 'not-found', message: 'manifest for nope:latest not found' });
    expect(done.result).toBeUndefined();
    expect(last(updates).task).toMatchObject({ id, state: 'failed' });
  });

  it('a WharfError keeps its code', async () => {
    const { tasks } = setup();
    const { id } = tasks.start({ kind: 'registry-mirrors-apply', target: '/etc/docker/daemon.json' }, async () => {
      throw new WharfError('permission-denied', 'pkexec dismissed');
    });
    expect((await tasks.settled(id)).error).toMatchObject({ code: 'permission-denied', message: 'pkexec dismissed' });
  });

  it('cancel → cancelled at once, the run function sees the signal abort, and a late result is ignored', async () => {
    const { tasks, updates } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'big:image' }, task.run);
    const ctx = await task.ctx;
    expect(ctx.signal.aborted).toBe(false);

    const cancelled = tasks.cancel(id);
    expect(cancelled).toMatchObject({ id, state: 'cancelled' });
    expect(ctx.signal.aborted).toBe(true);
    expect(tasks.get(id)?.state).toBe('cancelled');

    task.resolve(pulled('sha256:late'));
    const done = await tasks.settled(id);
    expect(done.state).toBe('cancelled');
    expect(done.result).toBeUndefined();
    expect(updates.filter((u) => u.task.id === id && u.task.state === 'succeeded')).toEqual([]);
    expect(last(updates).task).toMatchObject({ id, state: 'cancelled' });
  });

  it('a run function that stops with an AbortError after cancel leaves the task cancelled, not failed', async () => {
    const { tasks } = setup();
    let started: () => void = () => undefined;
    const running = new Promise<void>((r) => (started = r));
    const { id } = tasks.start({ kind: 'build', target: '.' }, (ctx) => {
      started();
      return new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
    });
    await running;
    tasks.cancel(id);
    const done = await tasks.settled(id);
    expect(done.state).toBe('cancelled');
    expect(done.error).toBeUndefined();
  });

  it('cancel of an unknown task → not-found WharfError', () => {
    const { tasks } = setup();
    let thrown: unknown;
    try {
      tasks.cancel('no-such-task');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WharfError);
    expect((thrown as WharfError).code).toBe('not-found');
  });

  it('cancelling a finished task does not change it', async () => {
    const { tasks } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'x' }, task.run);
    task.resolve(pulled('sha256:42'));
    await tasks.settled(id);
    expect(tasks.cancel(id)).toMatchObject({ state: 'succeeded', result: { digest: 'sha256:42' } });
  });
});

describe('progress', () => {
  it('never goes backwards', async () => {
    const { clock, tasks, updates } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'x' }, task.run);
    const ctx = await task.ctx;
    for (const p of [0.2, 0.5, 0.3, 0.1, 0.6, 0.55]) {
      ctx.progress(p);
      clock.advance(1_000);
    }
    expect(tasks.get(id)?.progress).toBe(0.6);
    const seen = updates.filter((u) => u.task.id === id).map((u) => u.task.progress ?? 0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] ?? 0);
  });

  it('stays within 0..1', async () => {
    const { tasks } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'x' }, task.run);
    (await task.ctx).progress(1.7);
    expect(tasks.get(id)?.progress).toBeLessThanOrEqual(1);
  });

  it('at most 10 progress updates per second reach the listeners, however often it is reported', async () => {
    const { clock, tasks, updates } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'busybox' }, task.run);
    const ctx = await task.ctx;
    const startedAt = clock.now();
    const before = updates.length;

    // 1000 reports within one second of fake time.
    for (let i = 1; i <= 1000; i++) {
      ctx.progress(i / 1000);
      clock.advance(1);
    }
    const inTheSecond = updates.slice(before).filter((u) => u.at < startedAt + 1_000);
    expect(inTheSecond.length).toBeGreaterThan(0);
    expect(inTheSecond.length).toBeLessThanOrEqual(10);
    expect(inTheSecond.every((u) => u.task.id === id && u.task.state === 'running')).toBe(true);
  });

  it('never more than 10 updates in any one-second window over a long task', async () => {
    const { clock, tasks, updates } = setup();
    const task = driven();
    tasks.start({ kind: 'pull', target: 'busybox' }, task.run);
    const ctx = await task.ctx;
    for (let i = 1; i <= 5_000; i++) {
      ctx.progress(i / 5_000);
      clock.advance(i % 7 === 0 ? 3 : 1); // irregular reports
    }
    const times = updates.map((u) => u.at);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1_000).length).toBeLessThanOrEqual(10);
  });

  it('the latest progress reaches the listeners once reports stop, without waiting for the next one', async () => {
    const { clock, tasks, updates } = setup();
    const task = driven();
    tasks.start({ kind: 'pull', target: 'busybox' }, task.run);
    const ctx = await task.ctx;
    for (let i = 1; i <= 50; i++) {
      ctx.progress(i / 100);
      clock.advance(1);
    }
    clock.advance(1_000);
    expect(last(updates).task.progress).toBe(0.5);
  });

  it('the final state is emitted at once even while a progress update is held back, and nothing follows it', async () => {
    const { clock, tasks, updates } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'busybox' }, task.run);
    const ctx = await task.ctx;
    ctx.progress(0.1);
    clock.advance(1);
    ctx.progress(0.9); // held back by the throttle
    task.resolve(pulled('sha256:ok'));
    await tasks.settled(id);
    expect(last(updates).task).toMatchObject({ id, state: 'succeeded', progress: 1 });
    const count = updates.length;
    clock.advance(5_000);
    expect(updates.length).toBe(count);
  });

  it('the cancelled state is emitted even right after a throttled update', async () => {
    const { clock, tasks, updates } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'busybox' }, task.run);
    const ctx = await task.ctx;
    ctx.progress(0.4);
    tasks.cancel(id);
    expect(last(updates).task).toMatchObject({ id, state: 'cancelled' });
    clock.advance(5_000);
    expect(last(updates).task).toMatchObject({ id, state: 'cancelled' });
  });

  it('progress reported after the end is ignored', async () => {
    const { clock, tasks, updates } = setup();
    const task = driven();
    const { id } = tasks.start({ kind: 'pull', target: 'busybox' }, task.run);
    const ctx = await task.ctx;
    tasks.cancel(id);
    const count = updates.length;
    ctx.progress(0.8);
    clock.advance(5_000);
    expect(updates.length).toBe(count);
    expect(tasks.get(id)?.state).toBe('cancelled');
  });
});
