/**
 * `docker image rm` through Wharf, over a fake engine layer: the plan says untag or delete and what is freed, and
 * the task removes only what the user confirmed — a reference that names another image by then is skipped, an
 * image a container uses is refused without force — and counts what the engine answered.
 */
import { describe, expect, it } from 'vitest';
import type { RemoveReport } from '../../src/shared/image-remove';
import type { ImageDiskUsage } from '../../src/shared/images';
import type { ItemResult, TaskInfo } from '../../src/shared/tasks';
import { systemClock } from '../../src/main/core/clock';
import { createImageLayersIndex } from '../../src/main/core/images/image-layers';
import { createImageRemoveService, type ImageRemoveService } from '../../src/main/core/images/image-remove';
import { createTaskManager, type TaskManager } from '../../src/main/core/tasks/task-manager';
import { createFakeEngine, hexId, imageId, type FakeEngine, type FakeImage } from '../support/fake-engine';

const BASE = { diffId: 'sha256:base', size: 5_000 };
const TOOLS_LAYER = { diffId: 'sha256:tools', size: 700 };
const DIGEST = `sha256:${'d'.repeat(64)}`;

const APP = imageId('app');
/** An untagged parent: the engine prunes it with its last child. */
const TOOLS = imageId('tools');
const SOLO = imageId('solo');
const USED = imageId('used');
const OTHER = imageId('other');

const IMAGES: FakeImage[] = [
  { id: APP, tags: ['app:1', 'app:2'], digests: [`app@${DIGEST}`], layers: [BASE, { diffId: 'sha256:app', size: 300 }] },
  { id: TOOLS, tags: [], digests: [], layers: [BASE, TOOLS_LAYER] },
  { id: SOLO, parent: TOOLS, tags: ['solo:latest'], digests: [], layers: [BASE, TOOLS_LAYER, { diffId: 'sha256:solo', size: 200 }] },
  { id: USED, tags: ['used:1'], digests: [], layers: [BASE, { diffId: 'sha256:used', size: 50 }] },
  { id: OTHER, tags: ['other:1'], digests: [], layers: [BASE, { diffId: 'sha256:other', size: 80 }] },
];

/** GET /system/df's unique sizes: the plan's first answer, before the layer-exact totals. */
const USAGE: ImageDiskUsage = {
  images: {
    [SOLO]: { size: 5_900, sharedSize: 5_000, uniqueSize: 200, containers: 0 },
    [USED]: { size: 5_050, sharedSize: 5_000, uniqueSize: 50, containers: 1 },
  },
  layersSize: 6_330,
  measuredAt: 0,
};

interface Harness {
  fake: FakeEngine;
  service: ImageRemoveService;
  tasks: TaskManager;
}

function harness(): Harness {
  const fake = createFakeEngine({
    images: IMAGES,
    containers: [{ id: hexId('runner'), name: 'runner', imageId: USED, state: 'exited', mounts: [], networks: [] }],
  });
  const tasks = createTaskManager({ clock: systemClock, onUpdate: () => undefined });
  const service = createImageRemoveService({ engine: fake, clock: systemClock, tasks, diskUsage: async () => USAGE, layers: createImageLayersIndex(fake) });
  return { fake, service, tasks };
}

/** The plan for `refs`, then the removal of all its items. */
async function removeAll(h: Harness, refs: string[], force = false): Promise<{ report: RemoveReport; items: ItemResult[] }> {
  const plan = await h.service.plan({ refs });
  return outcome(h.tasks, h.service.remove(plan.items, force));
}

async function outcome(tasks: TaskManager, started: TaskInfo<'image-remove'>): Promise<{ report: RemoveReport; items: ItemResult[] }> {
  const done = await tasks.settled(started.id);
  if (done.kind !== 'image-remove' || done.state !== 'succeeded' || !done.result) throw new Error(`the removal task ended ${done.state}`);
  return { report: done.result, items: done.detail?.kind === 'items' ? done.detail.items : [] };
}

const imageIds = (fake: FakeEngine): string[] => fake.state.images.map((i) => i.id);

describe('removing an image', () => {
  it('a tag of an image with other tags is an untag that frees nothing, and the image stays', async () => {
    const h = harness();
    const plan = await h.service.plan({ refs: ['app:1'] });
    expect(plan.items).toEqual([{ ref: 'app:1', id: APP, mode: 'untag', uniqueSize: 0, size: 5_300, containers: [], otherTags: ['app:2', `app@${DIGEST}`] }]);
    expect(plan.freedBytes).toBe(0);

    const { report } = await outcome(h.tasks, h.service.remove(plan.items, false));
    expect(report).toEqual({ removed: 0, untagged: 1, skipped: 0, failed: 0, lines: ['Untagged: app:1'] });
    expect(h.fake.state.images.find((i) => i.id === APP)?.tags).toEqual(['app:2']);
  });

  it('the last tag deletes the image, with its untagged parent that nothing else needs', async () => {
    const h = harness();
    const plan = await h.service.plan({ refs: ['solo'] });
    expect(plan.items.map((i) => [i.ref, i.id, i.mode])).toEqual([['solo:latest', SOLO, 'delete']]);
    // Its own layer and its parent's; the base layer stays with the other images.
    expect(plan.freedBytes).toBe(200 + 700);

    const { report } = await outcome(h.tasks, h.service.remove(plan.items, false));
    expect(report).toEqual({ removed: 1, untagged: 0, skipped: 0, failed: 0, lines: ['Untagged: solo:latest', `Deleted: ${SOLO}`, `Deleted: ${TOOLS}`] });
    expect(imageIds(h.fake)).toEqual([APP, USED, OTHER]);
  });

  it('a reference that names another image by the time the task runs is skipped as changed and never removed', async () => {
    const h = harness();
    const plan = await h.service.plan({ refs: ['solo:latest'] });
    h.fake.retag('solo:latest', OTHER);

    const { report, items } = await outcome(h.tasks, h.service.remove(plan.items, false));
    expect(items).toEqual([{ target: 'solo:latest', state: 'skipped', reason: 'changed' }]);
    expect(report).toEqual({ removed: 0, untagged: 0, skipped: 1, failed: 0, lines: [] });
    expect(h.fake.callsTo('removeImage')).toEqual([]);
    expect(h.fake.state.images.find((i) => i.id === OTHER)?.tags).toEqual(['other:1', 'solo:latest']);
  });

  it('an image a stopped container uses fails as in use without force, and goes with force', async () => {
    const h = harness();
    const plan = await h.service.plan({ refs: ['used:1'] });
    expect(plan.blocked).toBe(1);
    expect(plan.items[0]?.containers).toEqual([{ name: 'runner', running: false }]);

    const refused = await outcome(h.tasks, h.service.remove(plan.items, false));
    expect(refused.items).toEqual([{ target: 'used:1', state: 'failed', reason: 'in-use', message: expect.stringContaining('container') }]);
    expect(refused.report).toMatchObject({ removed: 0, untagged: 0, skipped: 0, failed: 1 });
    expect(imageIds(h.fake)).toContain(USED);

    const forced = await outcome(h.tasks, h.service.remove(plan.items, true));
    expect(forced.report).toMatchObject({ removed: 1, untagged: 0, skipped: 0, failed: 0 });
    expect(imageIds(h.fake)).not.toContain(USED);
  });

  it('the report counts each deleted image once and each untag, with the engine’s lines', async () => {
    const h = harness();
    const { report } = await removeAll(h, ['app:1', 'app:2', 'solo', 'other:1']);
    expect(report).toMatchObject({ removed: 3, untagged: 1, skipped: 0, failed: 0 });
    expect([...report.lines].sort()).toEqual(
      [
        'Untagged: app:1',
        'Untagged: app:2',
        // The last tag of a repository takes its digest reference with it.
        `Untagged: app@${DIGEST}`,
        `Deleted: ${APP}`,
        'Untagged: solo:latest',
        `Deleted: ${SOLO}`,
        `Deleted: ${TOOLS}`,
        'Untagged: other:1',
        `Deleted: ${OTHER}`,
      ].sort(),
    );
    expect(imageIds(h.fake)).toEqual([USED]);
  });
});
