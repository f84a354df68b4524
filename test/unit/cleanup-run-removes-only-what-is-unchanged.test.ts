/**
 * A cleanup run deletes exactly the previewed objects, over a fake engine layer: what changed since the preview
 * (a container started, a network got a container, an image got a tag) is skipped with the reason and never
 * deleted, while the rest goes; build cache goes children first, so a parent is not left behind because a child
 * still needed it — with API 1.42's Parents and with API 1.41's single Parent alike.
 */
import { describe, expect, it } from 'vitest';
import type { CleanupOptions, CleanupReport, CleanupWizard } from '../../src/shared/cleanup';
import { systemClock } from '../../src/main/core/clock';
import { createCleanupService } from '../../src/main/core/cleanup/cleanup-service';
import { createImageLayersIndex } from '../../src/main/core/images/image-layers';
import { createTaskManager } from '../../src/main/core/tasks/task-manager';
import { createFakeEngine, hexId, imageId, type FakeContainer, type FakeEngine, type FakeState } from '../support/fake-engine';

const JOB = imageId('job');
const BASE = { diffId: 'sha256:base', size: 1_000 };

function stopped(name: string): FakeContainer {
  return { id: hexId(name), name, imageId: JOB, state: 'exited', mounts: [], networks: [] };
}

interface Cleanup {
  /** Previews the wizard, lets `between` change the engine, then runs every previewed item. */
  previewAndRun(wizard: CleanupWizard, between: () => void, options?: CleanupOptions): Promise<CleanupReport>;
}

function cleanup(fake: FakeEngine): Cleanup {
  const tasks = createTaskManager({ clock: systemClock, onUpdate: () => undefined });
  const service = createCleanupService({ engine: fake, clock: systemClock, tasks, layers: createImageLayersIndex(fake) });
  return {
    async previewAndRun(wizard, between, options = {}) {
      const preview = await service.preview(wizard, options);
      between();
      const done = await tasks.settled(service.run(preview.id, preview.items.map((i) => i.key)).id);
      if (done.kind !== 'cleanup' || done.state !== 'succeeded' || !done.result) throw new Error(`the cleanup task ended ${done.state}`);
      return done.result;
    },
  };
}

function engine(state: Partial<FakeState>, apiVersion?: string, parentsKey?: 'Parents' | ' Parents' | 'none'): FakeEngine {
  return createFakeEngine({ images: [{ id: JOB, tags: ['job:1'], digests: [], layers: [BASE] }], ...state, ...(apiVersion ? { apiVersion } : {}), ...(parentsKey ? { parentsKey } : {}) });
}

/** A build cache record ID as buildkit makes them: 25 characters. */
const cacheId = (name: string): string => `${name}${hexId(name)}`.slice(0, 25);
const idsOf = (args: unknown[][]): unknown[] => args.map((a) => a[0]);

describe('a cleanup run', () => {
  it('skips a container that is running now as in use, and removes the one still stopped', async () => {
    const fake = engine({ containers: [stopped('nightly'), stopped('done')] });
    const report = await cleanup(fake).previewAndRun('quick', () => {
      const nightly = fake.state.containers.find((c) => c.name === 'nightly');
      if (nightly) nightly.state = 'running';
    });
    expect(report.removed).toEqual([{ kind: 'container', name: 'done' }]);
    expect(report.skipped).toEqual([{ kind: 'container', name: 'nightly', reason: 'in-use' }]);
    expect(report.failed).toEqual([]);
    expect(idsOf(fake.callsTo('removeContainer'))).toEqual([hexId('done')]);
    expect(fake.state.containers.map((c) => c.name)).toEqual(['nightly']);
  });

  it('skips a network that got a container attached after the preview as in use, and removes the unused one', async () => {
    const busy = hexId('busy-net');
    const free = hexId('free-net');
    const fake = engine({ networks: [{ id: busy, name: 'busy-net' }, { id: free, name: 'free-net' }] });
    const report = await cleanup(fake).previewAndRun('networks', () => {
      fake.state.containers.push({ id: hexId('late'), name: 'late', imageId: JOB, state: 'running', mounts: [], networks: ['busy-net'] });
    });
    expect(report.removed).toEqual([{ kind: 'network', name: 'free-net' }]);
    expect(report.skipped).toEqual([{ kind: 'network', name: 'busy-net', reason: 'in-use' }]);
    expect(idsOf(fake.callsTo('removeNetwork'))).toEqual([free]);
    expect(fake.state.networks.map((n) => n.name)).toContain('busy-net');
  });

  it('skips an image tagged again since the preview as changed, and removes the unchanged one', async () => {
    const stale = imageId('stale');
    const spare = imageId('spare');
    const fake = engine({
      images: [
        { id: stale, tags: ['stale:1'], digests: [], layers: [BASE, { diffId: 'sha256:stale', size: 10 }] },
        { id: spare, tags: ['spare:1'], digests: [], layers: [BASE, { diffId: 'sha256:spare', size: 20 }] },
      ],
    });
    const report = await cleanup(fake).previewAndRun('images', () => fake.retag('stale:2', stale));
    expect(report.removed).toEqual([{ kind: 'image', name: 'spare:1' }]);
    expect(report.skipped).toEqual([{ kind: 'image', name: 'stale:1', reason: 'changed' }]);
    expect(idsOf(fake.callsTo('removeImage'))).toEqual(['spare:1']);
    expect(fake.state.images.map((i) => [i.id, i.tags])).toEqual([[stale, ['stale:1', 'stale:2']]]);
  });

  it.each([
    ['1.41', 'Parent'],
    ['1.43', 'Parents'],
    ['1.45', ' Parents'],
  ] as const)('API %s (%s): prunes build cache children before their parents, so every record goes', async (apiVersion, key) => {
    const [root, mid, leaf] = [cacheId('root'), cacheId('mid'), cacheId('leaf')];
    // Listed parents first, as df lists them: pruning in that order would leave each parent behind.
    const fake = engine(
      {
        buildCache: [
          { id: root, parents: [], size: 100 },
          { id: mid, parents: [root], size: 10 },
          { id: leaf, parents: [mid], size: 1 },
        ],
      },
      apiVersion,
      key === 'Parent' ? undefined : key,
    );
    const report = await cleanup(fake).previewAndRun('quick', () => undefined);
    expect(report.failed).toEqual([]);
    expect(report.removed.map((r) => r.kind)).toEqual(['buildCache', 'buildCache', 'buildCache']);
    expect(fake.callsTo('pruneBuildCache').map(([filters]) => JSON.parse(filters as string))).toEqual([{ id: [leaf] }, { id: [mid] }, { id: [root] }]);
    expect(fake.state.buildCache).toEqual([]);
  });

  it('an engine that names no parents (dockerd 26.1 at API 1.41): a record BuildKit keeps is tried again after the others', async () => {
    const [root, mid, leaf] = [cacheId('root'), cacheId('mid'), cacheId('leaf')];
    const fake = engine({ buildCache: [{ id: root, parents: [], size: 100 }, { id: mid, parents: [root], size: 10 }, { id: leaf, parents: [mid], size: 1 }] }, '1.41', 'none');
    const report = await cleanup(fake).previewAndRun('quick', () => undefined);
    expect(report.failed).toEqual([]);
    expect(report.removed).toHaveLength(3);
    expect(fake.state.buildCache).toEqual([]);
  });
});
