/**
 * Typed tasks: a task's kind decides its result's type, from the core's task manager through the channels to the
 * renderer's useStartedTask, so no page casts task.result. The expectTypeOf lines are checked by the typecheck
 * (tsc over test/, as CI runs it); the manager's answers are checked when the test runs.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ChannelOutput } from '../../src/shared/contract';
import type { BuildResult, ImportResult, LoadResult } from '../../src/shared/image-build';
import type { PullResult } from '../../src/shared/image-transfer';
import type { RegistryMirrorsApplyResult } from '../../src/shared/registry-mirrors';
import type { SpeedTestResult } from '../../src/shared/registry-access';
import type { SetupDiagnosis } from '../../src/shared/setup';
import type { TaskKind } from '../../src/shared/task-results';
import type { TaskInfo } from '../../src/shared/tasks';
import type { Clock } from '../../src/main/core/clock';
import { createTaskManager } from '../../src/main/core/tasks/task-manager';
import type { useStartedTask } from '../../src/renderer/src/stores/use-started-task';

const clock: Clock = { now: () => 0, setTimeout: () => undefined, clearTimeout: () => undefined };
const pulled: PullResult = { reference: 'busybox:latest', id: 'sha256:1', upToDate: false, source: { kind: 'direct' }, commands: [['docker', 'pull', 'busybox:latest']] };

describe('task results follow the task kind', () => {
  it('a task channel answers the kind it starts, and that kind types the result', () => {
    expectTypeOf<ChannelOutput<'images.pull'>>().toEqualTypeOf<TaskInfo<'pull'>>();
    expectTypeOf<ChannelOutput<'images.build'>>().toEqualTypeOf<TaskInfo<'build'>>();
    expectTypeOf<ChannelOutput<'registryMirrors.apply'>>().toEqualTypeOf<TaskInfo<'registry-mirrors-apply'>>();
    expectTypeOf<ChannelOutput<'registryAccess.speedTest'>>().toEqualTypeOf<TaskInfo<'registry-speed-test'>>();
    expectTypeOf<ChannelOutput<'setup.fix'>>().toEqualTypeOf<TaskInfo<'setup-fix'>>();
    expectTypeOf<TaskInfo<'pull'>['result']>().toEqualTypeOf<PullResult | undefined>();
    expectTypeOf<TaskInfo<'registry-mirrors-apply'>['result']>().toEqualTypeOf<RegistryMirrorsApplyResult | undefined>();
    expectTypeOf<TaskInfo<'setup-fix'>['result']>().toEqualTypeOf<SetupDiagnosis | undefined>();
    // tasks.list and the task panel see every kind.
    expectTypeOf<ChannelOutput<'tasks.list'>>().toEqualTypeOf<TaskInfo[]>();
    expectTypeOf<TaskInfo['kind']>().toEqualTypeOf<TaskKind>();
  });

  it("useStartedTask<K> gives K's result, and a dialog starting two kinds tells them apart by kind", () => {
    expectTypeOf<NonNullable<ReturnType<typeof useStartedTask<'registry-speed-test'>>['task']>['result']>().toEqualTypeOf<SpeedTestResult | undefined>();
    type LoadOrImport = NonNullable<ReturnType<typeof useStartedTask<'image-load' | 'image-import'>>['task']>;
    expectTypeOf<Extract<LoadOrImport, { kind: 'image-import' }>['result']>().toEqualTypeOf<ImportResult | undefined>();
    expectTypeOf<Extract<LoadOrImport, { kind: 'image-load' }>['result']>().toEqualTypeOf<LoadResult | undefined>();
    // A generic kind's task still goes where any task goes (the tasks store, the task panel).
    expectTypeOf<TaskInfo<'pull'>>().toExtend<TaskInfo>();
  });

  it("the manager starts a task typed by its kind and hands back the run function's result under it", async () => {
    const tasks = createTaskManager({ clock, onUpdate: () => undefined });
    const started = tasks.start({ kind: 'pull', target: 'busybox' }, async () => pulled);
    expectTypeOf(started).toEqualTypeOf<TaskInfo<'pull'>>();
    expect(started).toMatchObject({ kind: 'pull', state: 'running' });

    const done: TaskInfo = await tasks.settled(started.id);
    expect(done.kind).toBe('pull');
    if (done.kind === 'pull') expectTypeOf(done.result).toEqualTypeOf<PullResult | undefined>();
    expect(done).toMatchObject({ state: 'succeeded', result: pulled });
  });

  it("start refuses a run function that answers another kind's result", async () => {
    const tasks = createTaskManager({ clock, onUpdate: () => undefined });
    const built: BuildResult = { id: 'sha256:2', tags: [] };
    // @ts-expect-error a pull's run function must answer a PullResult, not a build's result
    const wrong = tasks.start({ kind: 'pull', target: 'busybox' }, async () => built);
    // What the type refuses, the manager does not check at run time: it only carries the result.
    expect((await tasks.settled(wrong.id)).result).toEqual(built);
  });
});
