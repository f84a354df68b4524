/**
 * images.removePlan / images.remove against a private engine: untag versus delete as `docker image rm` does
 * them, an image used by a container refused with the container named (force as a second step), a filtered
 * bulk removal that removes exactly the previewed set (what `docker image ls -f reference=…` listed), and
 * the preview's freed space equal to what the engine's disk-usage data says was freed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { RemoveItem, RemovePlan, RemoveReport, RemoveTarget } from '../../src/shared/image-remove';
import type { TaskInfo } from '../../src/shared/tasks';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { buildImage, importBusybox, runContainer } from '../support/fixtures';
import { call, makeCore } from './make-core';

describe('removing images, previewed', () => {
  let engine: PrivateEngine;
  let core: Core;

  async function plan(target: RemoveTarget): Promise<RemovePlan> {
    return call(core, 'images.removePlan', { target });
  }

  async function remove(items: RemoveItem[], force = false): Promise<TaskInfo & { result?: RemoveReport }> {
    const started = await call(core, 'images.remove', { items: items.map(({ ref, id, mode }) => ({ ref, id, mode })), force });
    return (await core.tasks.settled(started.id)) as TaskInfo & { result?: RemoveReport };
  }

  /** `docker image ls --format {{.Repository}}:{{.Tag}}` with extra flags, sorted. */
  async function cliRefs(...flags: string[]): Promise<string[]> {
    const { stdout } = await engine.cliOk(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', ...flags]);
    return stdout.split('\n').filter(Boolean).sort();
  }

  async function exists(ref: string): Promise<boolean> {
    return (await engine.cli(['image', 'inspect', ref])).code === 0;
  }

  /** The engine's own count of bytes in image layers (`docker system df`'s Images SIZE, in bytes). */
  async function layersSize(): Promise<number> {
    return (await call(core, 'images.diskUsage', {})).layersSize;
  }

  /** An image FROM busybox with `kb` KiB of its own random data (distinct layers, shared base). */
  async function seed(tag: string, kb: number): Promise<string> {
    return buildImage(engine, tag, `FROM busybox:latest\nRUN dd if=/dev/urandom of=/data bs=1024 count=${kb} 2>/dev/null\n`, { buildkit: true });
  }

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'remove' });
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine);
    await seed('bulk/a:1', 300);
    await engine.cliOk(['tag', 'bulk/a:1', 'bulk/a:2']);
    await seed('bulk/b:1', 200);
    await seed('bulk/c:1', 100);
    await engine.cliOk(['tag', 'bulk/c:1', 'keep/c:1']);
    await seed('two/x:1', 150);
    await engine.cliOk(['tag', 'two/x:1', 'two/x:2']);
    await seed('used/img:1', 120);
    await engine.cliOk(['create', '--name', 'holder', 'used/img:1', 'true']);
    await seed('run/img:1', 110);
    await runContainer(engine, ['--name', 'runner', 'run/img:1', 'sleep', '600']);
  }, 300_000);

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  it('untags one of two tags (nothing freed) and deletes with the last tag', async () => {
    const one = await plan({ refs: ['two/x:1'] });
    expect(one.items.map((i) => [i.ref, i.mode])).toEqual([['two/x:1', 'untag']]);
    expect(one.items[0]?.otherTags).toEqual(['two/x:2']);
    expect(one.freedBytes).toBe(0);
    expect(one.command).toEqual(['docker', 'image', 'rm', 'two/x:1']);

    const both = await plan({ refs: ['two/x:1', 'two/x:2'] });
    expect(both.items.map((i) => [i.ref, i.mode])).toEqual([['two/x:1', 'untag'], ['two/x:2', 'delete']]);
    expect(both.freedBytes).toBeGreaterThanOrEqual(150 * 1024);

    const before = await layersSize();
    const task = await remove(one.items);
    expect(task.state).toBe('succeeded');
    expect(task.result).toMatchObject({ untagged: 1, removed: 0, failed: 0 });
    expect(await cliRefs('two/x')).toEqual(['two/x:2']);
    expect(await layersSize()).toBe(before);

    const last = await plan({ refs: ['two/x:2'] });
    expect(last.items.map((i) => i.mode)).toEqual(['delete']);
    const deleted = await remove(last.items);
    expect(deleted.result).toMatchObject({ removed: 1, failed: 0 });
    expect(await cliRefs('two/x')).toEqual([]);
    expect(before - (await layersSize())).toBe(last.freedBytes);
  });

  it('refuses an image a stopped container uses, naming it, and removes it when forced', async () => {
    const p = await plan({ refs: ['used/img:1'] });
    expect(p.blocked).toBe(1);
    expect(p.items[0]?.containers).toEqual([{ name: 'holder', running: false }]);
    expect(p.freedBytesWithoutBlocked).toBe(0);

    const refused = await remove(p.items);
    expect(refused.result).toMatchObject({ failed: 1, removed: 0 });
    const detail = refused.detail?.kind === 'items' ? refused.detail.items[0] : undefined;
    expect(detail).toMatchObject({ state: 'failed', reason: 'in-use' });
    const holderId = (await engine.cliOk(['container', 'inspect', '--format', '{{.Id}}', 'holder'])).stdout.trim();
    expect(detail?.message).toContain(holderId.slice(0, 12));
    expect(await exists('used/img:1')).toBe(true);

    const forced = await remove(p.items, true);
    expect(forced.result).toMatchObject({ removed: 1, failed: 0 });
    expect(await exists(p.items[0]?.id ?? '')).toBe(false);
  });

  it('never deletes an image a running container uses, even forced', async () => {
    const p = await plan({ refs: ['run/img:1'] });
    expect(p.items[0]?.containers).toEqual([{ name: 'runner', running: true }]);
    await remove(p.items, true);
    // The engine may untag it, but the image stays for the running container.
    expect(await exists(p.items[0]?.id ?? '')).toBe(true);
    expect((await engine.cliOk(['container', 'inspect', '--format', '{{.State.Running}}', 'runner'])).stdout.trim()).toBe('true');
  });

  it('removes exactly what a filter lists, like docker image rm $(docker image ls -q -f reference=bulk/*)', async () => {
    const listed = await cliRefs('-f', 'reference=bulk/*');
    expect(listed).toEqual(['bulk/a:1', 'bulk/a:2', 'bulk/b:1', 'bulk/c:1']);
    const p = await plan({ filter: { filters: { reference: ['bulk/*'] }, all: false } });
    expect(p.items.map((i) => i.ref).sort()).toEqual(listed);
    // bulk/c:1 also has keep/c:1: only untagged. bulk/a goes with its second tag, bulk/b with its only one.
    expect(p.items.filter((i) => i.mode === 'delete').map((i) => i.ref).sort()).toEqual(['bulk/a:2', 'bulk/b:1']);
    expect(p.items.find((i) => i.ref === 'bulk/c:1')).toMatchObject({ mode: 'untag', otherTags: ['keep/c:1'] });

    const others = await cliRefs();
    const before = await layersSize();
    const task = await remove(p.items);
    expect(task.state).toBe('succeeded');
    expect(task.result).toMatchObject({ removed: 2, untagged: 2, skipped: 0, failed: 0 });
    expect(await cliRefs('-f', 'reference=bulk/*')).toEqual([]);
    expect(await cliRefs()).toEqual(others.filter((r) => !listed.includes(r)));
    expect(before - (await layersSize())).toBe(p.freedBytes);
  });

  it('counts layers the deleted images share only with each other once, in the freed space', async () => {
    // Two images on a common layer that no kept image has: neither's unique size includes it.
    await buildImage(engine, 'pair/base:1', 'FROM busybox:latest\nRUN dd if=/dev/urandom of=/common bs=1024 count=400 2>/dev/null\n', { buildkit: true });
    await buildImage(engine, 'pair/one:1', 'FROM pair/base:1\nRUN echo one > /one\n', { buildkit: true });
    await buildImage(engine, 'pair/two:1', 'FROM pair/base:1\nRUN echo two > /two\n', { buildkit: true });
    const p = await plan({ filter: { filters: { reference: ['pair/*'] }, all: false } });
    const uniqueSum = p.items.reduce((n, i) => n + i.uniqueSize, 0);
    expect(p.freedBytes).toBeGreaterThan(uniqueSum + 400 * 1024 - 1);
    const before = await layersSize();
    await remove(p.items);
    expect(before - (await layersSize())).toBe(p.freedBytes);
  });

  it('skips an item whose reference names another image since the preview, and reports missing names', async () => {
    const first = await seed('race/img:1', 50);
    const p = await plan({ refs: ['race/img:1', 'no/such:image'] });
    expect(p.missing).toEqual(['no/such:image']);
    expect(p.items.map((i) => i.id)).toEqual([first]);
    // Retagged elsewhere between preview and run: the new image must not be deleted.
    const second = await seed('race/img:1', 60);
    const task = await remove(p.items);
    expect(task.result).toMatchObject({ skipped: 1, removed: 0 });
    const detail = task.detail?.kind === 'items' ? task.detail.items[0] : undefined;
    expect(detail).toMatchObject({ state: 'skipped', reason: 'changed' });
    expect((await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', 'race/img:1'])).stdout.trim()).toBe(second);
  });

  it('an input the contract refuses changes nothing', async () => {
    const envelope = await core.invoke('images.remove', { items: [{ ref: 'busybox:latest', id: 'not-an-id', mode: 'delete' }], force: false });
    expect(envelope.ok).toBe(false);
    expect(await exists('busybox:latest')).toBe(true);
  });
});
