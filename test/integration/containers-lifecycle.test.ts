/**
 * containers.list equals `docker ps [-a]` on the same engine; containers.action does what the CLI's start/stop/
 * restart/pause/unpause/kill/rm do, for one or many, including a PID 1 that ignores SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { portText, type ContainerActionInput, type ContainerRow } from '../../src/shared/container-list';
import type { TaskInfo } from '../../src/shared/tasks';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, runContainer } from '../support/fixtures';
import { call, makeCore, recordEvents } from './make-core';

interface CliPs {
  ID: string;
  Names: string;
  Image: string;
  Command: string;
  Status: string;
  Ports: string;
}

/** Durations in status texts move between two calls ("Up 3 seconds" → "Up 4 seconds"). */
function stable(status: string): string {
  return status.replace(/(Less than a second|About an? \w+|\d+ \w+)( ago)?/g, 'T');
}

async function cliPs(engine: PrivateEngine, all: boolean): Promise<string[]> {
  const { stdout } = await engine.cliOk(['ps', ...(all ? ['-a'] : []), '--no-trunc', '--format', '{{json .}}']);
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CliPs)
    .map((r) => [r.ID, r.Names, r.Image, r.Command, stable(r.Status), r.Ports.split(', ').filter(Boolean).sort().join(',')].join('|'))
    .sort();
}

function ours(rows: ContainerRow[]): string[] {
  return rows.map((r) => [r.id, r.name, r.image, JSON.stringify(r.command), stable(r.status), r.ports.map(portText).sort().join(',')].join('|')).sort();
}

describe('containers on a private engine', () => {
  let engine: PrivateEngine;
  let core: Core;
  let recorder: ReturnType<typeof recordEvents>;

  async function act(input: ContainerActionInput): Promise<TaskInfo> {
    const task = await call(core, 'containers.action', input);
    const ended = await recorder.waitFor((e) => e.type === 'task.update' && e.task.id === task.id && e.task.state !== 'running', 60_000);
    if (ended.type !== 'task.update') throw new Error('unexpected event');
    return ended.task;
  }

  async function state(name: string): Promise<{ Status: string; ExitCode: number; StartedAt: string }> {
    const { stdout } = await engine.cliOk(['inspect', '--format', '{{json .State}}', name]);
    return JSON.parse(stdout) as { Status: string; ExitCode: number; StartedAt: string };
  }

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'containers' });
    core = makeCore(engine.host);
    await core.start();
    recorder = recordEvents(core);
    await importBusybox(engine);
    await runContainer(engine, ['--name', 'web', '-p', '127.0.0.1::8080', '--expose', '9090/udp', 'busybox', 'sleep', '600']);
    await runContainer(engine, ['--name', 'shop-api', '--label', 'com.docker.compose.project=shop', 'busybox', 'sleep', '600']);
    await runContainer(engine, ['--name', 'frozen', 'busybox', 'sleep', '600']);
    await engine.cliOk(['pause', 'frozen']);
    await engine.cliOk(['create', '--name', 'fresh', 'busybox', 'sh', '-c', 'echo "quoted arg"']);
    await engine.cliOk(['run', '--name', 'done', 'busybox', 'true']);
  }, 300_000);

  afterAll(async () => {
    recorder?.stop();
    core?.stop();
    await engine?.destroy();
  });

  it('lists what docker ps lists (running only), and -a what docker ps -a lists', async () => {
    const running = await call(core, 'containers.list', { all: false });
    expect(running.command).toEqual(['docker', 'ps']);
    expect(ours(running.rows)).toEqual(await cliPs(engine, false));
    const all = await call(core, 'containers.list', { all: true });
    expect(all.command).toEqual(['docker', 'ps', '-a']);
    expect(ours(all.rows)).toEqual(await cliPs(engine, true));
    expect(all.rows.map((r) => r.name).sort()).toEqual(['done', 'fresh', 'frozen', 'shop-api', 'web']);
    expect(all.rows.find((r) => r.name === 'shop-api')?.project).toBe('shop');
    expect(all.rows.find((r) => r.name === 'frozen')?.state).toBe('paused');
    const published = all.rows.find((r) => r.name === 'web')?.ports.find((p) => p.privatePort === 8080);
    expect(published?.ip).toBe('127.0.0.1');
    expect(published?.publicPort).toBeGreaterThan(0);
  });

  it('stop with a timeout stops a PID 1 that ignores SIGTERM: killed once the timeout passed', async () => {
    // No --init: sh is PID 1 and ignores TERM, so only the SIGKILL after the timeout ends it.
    await engine.cliOk(['run', '-d', '--name', 'stubborn', 'busybox', 'sh', '-c', 'trap "" TERM; sleep 600']);
    const started = Date.now();
    const task = await act({ ids: ['stubborn'], action: 'stop', timeout: 2 });
    const took = Date.now() - started;
    expect(task.state).toBe('succeeded');
    expect(task.detail).toEqual({ kind: 'items', items: [{ target: 'stubborn', state: 'done' }] });
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThan(20_000);
    const s = await state('stubborn');
    expect(s.Status).toBe('exited');
    expect(s.ExitCode).toBe(137);
  });

  it('a stop under way says its signal and the seconds to SIGKILL, from the container\'s own --stop-timeout and --stop-signal', async () => {
    await engine.cliOk(['run', '-d', '--name', 'slow-stop', '--stop-timeout', '3', '--stop-signal', 'SIGUSR1', 'busybox', 'sh', '-c', 'trap "" USR1; sleep 600']);
    const { stdout: id } = await engine.cliOk(['inspect', '-f', '{{.Id}}', 'slow-stop']);
    const sentAt = Date.now();
    const task = await call(core, 'containers.action', { ids: ['slow-stop'], action: 'stop' });
    const counting = await recorder.waitFor((e) => e.type === 'task.update' && e.task.id === task.id && e.task.detail?.kind === 'items' && e.task.detail.items.some((i) => i.stopping !== undefined));
    const item = counting.type === 'task.update' && counting.task.detail?.kind === 'items' ? counting.task.detail.items[0] : undefined;
    expect(item?.stopping).toMatchObject({ id: id.trim(), seconds: 3, signal: 'SIGUSR1' });
    expect(Math.abs((item?.stopping?.startedAt ?? 0) - sentAt)).toBeLessThan(2_000);
    // A timeout given with the stop wins over the container's own.
    await engine.cliOk(['start', 'slow-stop']);
    const given = await call(core, 'containers.action', { ids: ['slow-stop'], action: 'stop', timeout: 1 });
    const counting2 = await recorder.waitFor((e) => e.type === 'task.update' && e.task.id === given.id && e.task.detail?.kind === 'items' && e.task.detail.items.some((i) => i.stopping !== undefined));
    expect(counting2.type === 'task.update' && counting2.task.detail?.kind === 'items' ? counting2.task.detail.items[0]?.stopping?.seconds : undefined).toBe(1);
    await recorder.waitFor((e) => e.type === 'task.update' && e.task.id === given.id && e.task.state !== 'running', 30_000);
    expect((await state('slow-stop')).ExitCode).toBe(137);
  });

  it('start, restart, pause, unpause and kill do what the CLI does', async () => {
    expect((await act({ ids: ['fresh', 'stubborn'], action: 'start' })).state).toBe('succeeded');
    expect((await state('stubborn')).Status).toBe('running');
    const before = (await state('stubborn')).StartedAt;
    await act({ ids: ['stubborn'], action: 'restart', timeout: 1 });
    const after = await state('stubborn');
    expect(after.Status).toBe('running');
    expect(after.StartedAt).not.toBe(before);
    await act({ ids: ['stubborn', 'web'], action: 'pause' });
    expect((await state('stubborn')).Status).toBe('paused');
    expect((await state('web')).Status).toBe('paused');
    await act({ ids: ['stubborn', 'web'], action: 'unpause' });
    expect((await state('web')).Status).toBe('running');
    await act({ ids: ['stubborn'], action: 'kill' });
    const killed = await state('stubborn');
    expect(killed.Status).toBe('exited');
    expect(killed.ExitCode).toBe(137);
    // Starting a running container is what `docker start` also accepts: done, nothing changes.
    // Asked by ID (as the page asks), shown by name.
    const webId = (await call(core, 'containers.list', { all: false })).rows.find((r) => r.name === 'web')?.id ?? '';
    const again = await act({ ids: [webId], action: 'start' });
    expect(again.target).toBe('web');
    expect(again.detail).toEqual({ kind: 'items', items: [{ target: 'web', state: 'done' }] });
  });

  it('remove refuses a running container without force (per item), removes it with force, and -v removes its volume', async () => {
    await engine.cliOk(['run', '-d', '--init', '--name', 'keeper', '-v', '/data', 'busybox', 'sleep', '600']);
    const volume = (await engine.cliOk(['inspect', '--format', '{{range .Mounts}}{{.Name}}{{end}}', 'keeper'])).stdout.trim();
    expect(volume).not.toBe('');
    const refused = await act({ ids: ['keeper', 'done'], action: 'remove' });
    expect(refused.detail?.kind === 'items' ? refused.detail.items.map((i) => [i.target, i.state]) : null).toEqual([
      ['keeper', 'failed'],
      ['done', 'done'],
    ]);
    expect((await engine.cli(['inspect', 'done'])).code).not.toBe(0);
    expect((await state('keeper')).Status).toBe('running');
    await act({ ids: ['keeper'], action: 'remove', force: true, removeVolumes: true });
    expect((await engine.cli(['inspect', 'keeper'])).code).not.toBe(0);
    expect((await engine.cliOk(['volume', 'ls', '-q'])).stdout).not.toContain(volume);
    const list = await call(core, 'containers.list', { all: true });
    expect(ours(list.rows)).toEqual(await cliPs(engine, true));
  });

  it('rename changes the name docker ps shows; an invalid name is refused', async () => {
    await call(core, 'containers.rename', { id: 'fresh', name: 'renamed' });
    expect((await engine.cliOk(['ps', '-a', '--filter', 'name=^renamed$', '--format', '{{.Names}}'])).stdout.trim()).toBe('renamed');
    const bad = await core.invoke('containers.rename', { id: 'renamed', name: '-x' });
    expect(bad.ok).toBe(false);
    const details = await call(core, 'containers.inspect', { id: 'web' });
    expect(details.name).toBe('web');
    expect(details.ports.find((p) => p.privatePort === 8080)?.ip).toBe('127.0.0.1');
  });

  it('shows the health of a container with a health check, as docker ps does', async () => {
    await runContainer(engine, ['--name', 'checked', '--health-cmd', 'true', '--health-interval', '1s', 'busybox', 'sleep', '600']);
    await expect
      .poll(async () => (await call(core, 'containers.list', { all: false })).rows.find((r) => r.name === 'checked')?.health, { timeout: 30_000 })
      .toBe('healthy');
    expect((await engine.cliOk(['ps', '--filter', 'name=^checked$', '--format', '{{.Status}}'])).stdout).toContain('(healthy)');
    expect((await call(core, 'containers.list', { all: false })).rows.find((r) => r.name === 'web')?.health).toBeNull();
  });
});
