/**
 * The renderer's list stores over a fake of Wharf's own Transport: only the newest answer is kept, a failed list
 * sets listError (the list before it stays) and a good one clears it, apply lists with the new input, and Docker
 * events of the list's types (not quiet container actions) list again, debounced; the Images page measures disk
 * usage after its first list, over the app client wired at startup.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, startAppClient, type Client } from '../../src/renderer/src/api/client';
import type { EventListener, Transport } from '../../src/renderer/src/api/transport';
import { useEngineStore } from '../../src/renderer/src/stores/engine-store';
import { useImagesStore, useImageUsageStore } from '../../src/renderer/src/stores/images-store';
import { startImagesSync } from '../../src/renderer/src/stores/images-sync';
import { createListStore, type ListStore } from '../../src/renderer/src/stores/list-store';
import type { Channel } from '../../src/shared/contract';
import type { Envelope, WharfErrorInfo } from '../../src/shared/errors';
import type { DockerEvent } from '../../src/shared/events';
import type { VolumeList } from '../../src/shared/volume-list';

interface PendingCall {
  channel: Channel;
  input: unknown;
  answer(envelope: Envelope<unknown>): void;
}

/** A Transport whose calls wait until the test answers them, and whose events the test sends. */
function fakeTransport(): { transport: Transport; calls: PendingCall[]; emit(event: Partial<DockerEvent> & { Type: string; Action: string }): void } {
  const calls: PendingCall[] = [];
  const listeners = new Set<EventListener>();
  const transport: Transport = {
    kind: 'web',
    signIn: () => Promise.resolve({ kind: 'signed-in' }),
    onSessionChange: () => () => undefined,
    call: (channel, input) =>
      new Promise((resolve) => {
        calls.push({ channel, input, answer: resolve as (envelope: Envelope<unknown>) => void });
      }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    eventStreamState: () => 'open',
    onEventStreamConnection: () => () => undefined,
    streams: { open: () => undefined, write: () => undefined, close: () => undefined, onMessage: () => () => undefined },
  };
  const emit = (event: Partial<DockerEvent> & { Type: string; Action: string }): void => {
    for (const listener of listeners) listener({ type: 'docker.event', event: { Actor: { ID: 'x' }, time: 0, timeNano: 0, ...event } });
  };
  return { transport, calls, emit };
}

const volumes = (...names: string[]): VolumeList => ({ rows: names.map((name) => ({ name }) as VolumeList['rows'][number]), listedAt: 1 });
const failed: WharfErrorInfo = { code: 'engine-unreachable', message: 'connect ENOENT /var/run/docker.sock' };
const names = (list: VolumeList | null): string[] | undefined => list?.rows.map((r) => r.name);

function connected(): void {
  useEngineStore.setState({ status: { state: 'connected', endpoint: { host: 'unix:///var/run/docker.sock', source: 'default' }, since: 1 } });
}

let fake: ReturnType<typeof fakeTransport>;
let client: Client;

beforeEach(() => {
  fake = fakeTransport();
  client = createClient(fake.transport);
});

afterEach(() => {
  vi.useRealTimers();
  useEngineStore.setState({ status: null });
});

function volumesStore(): ListStore<'volumes.list'> {
  return createListStore({ channel: 'volumes.list', input: {}, events: { types: ['volume', 'container'], waitMs: 300, maxWaitMs: 700 }, client });
}

describe('createListStore', () => {
  it('keeps the newest answer when an older one arrives after it', async () => {
    const store = volumesStore();
    const older = store.getState().refresh();
    const newer = store.getState().refresh();
    expect(fake.calls).toHaveLength(2);
    fake.calls[1]!.answer({ ok: true, value: volumes('new') });
    await newer;
    fake.calls[0]!.answer({ ok: true, value: volumes('old') });
    await older;
    expect(names(store.getState().list)).toEqual(['new']);
  });

  it('drops an older failure too: listError stays empty', async () => {
    const store = volumesStore();
    const older = store.getState().refresh();
    const newer = store.getState().refresh();
    fake.calls[1]!.answer({ ok: true, value: volumes('a') });
    fake.calls[0]!.answer({ ok: false, error: failed });
    await Promise.all([older, newer]);
    expect(store.getState().listError).toBeNull();
    expect(names(store.getState().list)).toEqual(['a']);
  });

  it('is loading until the first answer, sets listError from an error envelope and clears it on success', async () => {
    const store = volumesStore();
    expect(store.getState().loading).toBe(false);
    let done = store.getState().refresh();
    expect(store.getState().loading).toBe(true);
    fake.calls[0]!.answer({ ok: true, value: volumes('a') });
    await done;
    expect(store.getState()).toMatchObject({ loading: false, listError: null });

    done = store.getState().refresh();
    // A list is shown: a refresh does not go back to loading.
    expect(store.getState().loading).toBe(false);
    fake.calls[1]!.answer({ ok: false, error: failed });
    await done;
    expect(store.getState().listError).toEqual(failed);
    expect(names(store.getState().list)).toEqual(['a']);

    done = store.getState().refresh();
    fake.calls[2]!.answer({ ok: true, value: volumes('a', 'b') });
    await done;
    expect(store.getState().listError).toBeNull();
    expect(names(store.getState().list)).toEqual(['a', 'b']);
  });

  it('apply drops what was shown and lists with the new input', async () => {
    const store = createListStore({ channel: 'containers.list', input: { all: false }, events: { types: ['container'] }, client });
    let done = store.getState().refresh();
    fake.calls[0]!.answer({ ok: true, value: { rows: [], command: ['docker', 'ps'], listedAt: 1 } });
    await done;
    done = store.getState().refresh();
    fake.calls[1]!.answer({ ok: false, error: failed });
    await done;
    expect(store.getState()).toMatchObject({ list: { command: ['docker', 'ps'] }, listError: failed });
    done = store.getState().apply({ all: true });
    expect(store.getState()).toMatchObject({ input: { all: true }, list: null, listError: null, loading: true });
    expect(fake.calls[2]).toMatchObject({ channel: 'containers.list', input: { all: true } });
    fake.calls[2]!.answer({ ok: true, value: { rows: [], command: ['docker', 'ps', '-a'], listedAt: 1 } });
    await done;
    expect(store.getState()).toMatchObject({ loading: false, list: { command: ['docker', 'ps', '-a'] } });
  });

  it('while synced, lists at once and again (debounced) on events of its types only', async () => {
    vi.useFakeTimers();
    connected();
    const store = volumesStore();
    const afterList = vi.fn();
    const stop = store.startSync(afterList);
    expect(fake.calls).toHaveLength(1);
    fake.calls[0]!.answer({ ok: true, value: volumes('a') });
    await vi.advanceTimersByTimeAsync(0);
    expect(names(store.getState().list)).toEqual(['a']);
    expect(afterList).toHaveBeenCalledTimes(1);

    fake.emit({ Type: 'network', Action: 'create' });
    fake.emit({ Type: 'container', Action: 'exec_start: sh' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.calls).toHaveLength(1);

    // A burst of events: one list, once they calm down.
    fake.emit({ Type: 'volume', Action: 'create' });
    await vi.advanceTimersByTimeAsync(200);
    fake.emit({ Type: 'container', Action: 'destroy' });
    await vi.advanceTimersByTimeAsync(299);
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.calls).toHaveLength(2);
    fake.calls[1]!.answer({ ok: true, value: volumes('a', 'b') });
    await vi.advanceTimersByTimeAsync(0);
    expect(names(store.getState().list)).toEqual(['a', 'b']);
    expect(afterList).toHaveBeenCalledTimes(2);

    stop();
    fake.emit({ Type: 'volume', Action: 'destroy' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.calls).toHaveLength(2);
  });

  it('followWhenHidden: after the page leaves, events still keep the rows current (no afterList); a revisit reconciles with one list', async () => {
    vi.useFakeTimers();
    connected();
    const store = createListStore({ channel: 'volumes.list', input: {}, events: { types: ['volume'], waitMs: 300, maxWaitMs: 700 }, client, followWhenHidden: true });
    const afterList = vi.fn();
    const leave = store.startSync(afterList);
    fake.calls[0]!.answer({ ok: true, value: volumes('a') });
    await vi.advanceTimersByTimeAsync(0);
    leave();
    fake.emit({ Type: 'volume', Action: 'destroy' });
    await vi.advanceTimersByTimeAsync(300);
    expect(fake.calls).toHaveLength(2);
    fake.calls[1]!.answer({ ok: true, value: volumes() });
    await vi.advanceTimersByTimeAsync(0);
    expect(names(store.getState().list)).toEqual([]);
    expect(afterList).toHaveBeenCalledTimes(1);

    // The next visit shows the current rows at once and lists once to reconcile.
    const again = vi.fn();
    const leaveAgain = store.startSync(again);
    expect(names(store.getState().list)).toEqual([]);
    expect(fake.calls).toHaveLength(3);
    fake.calls[2]!.answer({ ok: true, value: volumes('c') });
    await vi.advanceTimersByTimeAsync(0);
    expect(names(store.getState().list)).toEqual(['c']);
    expect(again).toHaveBeenCalledTimes(1);
    leaveAgain();
  });

  it('does not list while the engine is not connected, and lists when it connects', async () => {
    vi.useFakeTimers();
    const stop = volumesStore().startSync();
    fake.emit({ Type: 'volume', Action: 'create' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.calls).toHaveLength(0);
    connected();
    expect(fake.calls).toHaveLength(1);
    stop();
  });
});

describe('the Images page over the app client', () => {
  it('measures disk usage right after the first list', async () => {
    vi.useFakeTimers();
    startAppClient(fake.transport);
    connected();
    const stop = startImagesSync();
    expect(fake.calls.map((c) => c.channel)).toEqual(['images.list']);
    fake.calls[0]!.answer({ ok: true, value: { rows: [], command: ['docker', 'image', 'ls'], listedAt: 1 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(useImagesStore.getState().list).not.toBeNull();
    expect(fake.calls.map((c) => c.channel)).toEqual(['images.list', 'images.diskUsage']);
    fake.calls[1]!.answer({ ok: true, value: { images: {}, layersSize: 7, measuredAt: 1 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(useImageUsageStore.getState().diskUsage?.layersSize).toBe(7);
    stop();
  });
});
