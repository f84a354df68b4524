/**
 * images.build on a private engine: the image exists with its tags and the label from a build arg, the files
 * .dockerignore excludes never reach it, the log streams through tasks.log, a failing RUN names its step (the
 * same step the docker CLI's classic builder prints), and bad input is refused before anything starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { buildFailureStep, type BuildResult } from '../../src/shared/image-build';
import type { TaskInfo } from '../../src/shared/tasks';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox } from '../support/fixtures';
import { call, makeCore } from './make-core';

function writeContext(dir: string, files: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const GOOD_DOCKERFILE = [
  'FROM busybox:latest',
  'ARG FLAVOR=plain',
  'LABEL wharf.test.flavor=$FLAVOR',
  'COPY . /ctx/',
  'RUN echo hello-from-run && ls /ctx',
  '',
].join('\n');

describe('images.build', () => {
  let engine: PrivateEngine;
  let core: Core;
  let work: string;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'build' });
    await importBusybox(engine);
    core = makeCore(engine.host);
    await core.start();
    work = fs.mkdtempSync(path.join(engine.dir, 'build-'));
  });

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  async function build(input: Record<string, unknown>): Promise<TaskInfo> {
    const task = await call(core, 'images.build', { dockerfile: 'Dockerfile', tags: [], buildArgs: {}, noCache: false, pull: false, ...input });
    return core.tasks.settled(task.id);
  }

  it('builds a folder: tags, build-arg label, .dockerignore honoured, log streamed', async () => {
    const context = writeContext(path.join(work, 'good'), {
      Dockerfile: GOOD_DOCKERFILE,
      '.dockerignore': 'secret.txt\n*.log\n',
      'keep.txt': 'kept\n',
      'secret.txt': 'must not be sent\n',
      'debug.log': 'nor this\n',
      'sub/nested.txt': 'nested\n',
    });
    const done = await build({ contextDir: context, tags: ['wharf-build/app:1', 'wharf-build/app:latest'], buildArgs: { FLAVOR: 'salty' } });
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    const result = done.result as BuildResult;

    // Both tags name the built image, as the CLI sees it.
    for (const tag of ['wharf-build/app:1', 'wharf-build/app:latest']) {
      expect((await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', tag])).stdout.trim()).toBe(result.id);
    }
    const label = await engine.cliOk(['image', 'inspect', '--format', '{{index .Config.Labels "wharf.test.flavor"}}', result.id]);
    expect(label.stdout.trim()).toBe('salty');

    // What reached the image: everything but the ignored files.
    const listed = await engine.cliOk(['run', '--rm', 'wharf-build/app:1', 'ls', '-a', '/ctx', '/ctx/sub']);
    const names = listed.stdout.split(/\s+/).filter(Boolean);
    expect(names).toEqual(expect.arrayContaining(['Dockerfile', '.dockerignore', 'keep.txt', 'nested.txt']));
    expect(names).not.toContain('secret.txt');
    expect(names).not.toContain('debug.log');

    // The log came through tasks.log, step lines and the RUN's output included.
    expect(done.logLines).toBeGreaterThan(5);
    const log = await call(core, 'tasks.log', { id: done.id, from: 0 });
    expect(log.lines).toContain('Step 1/5 : FROM busybox:latest');
    expect(log.lines).toContain('Step 5/5 : RUN echo hello-from-run && ls /ctx');
    expect(log.lines).toContain('hello-from-run');
    expect(log.lines).toContain('Successfully tagged wharf-build/app:1');
    expect(done.step).toEqual({ key: 'build-step', values: { n: 5, m: 5 } });
    expect(done.progress).toBe(1);
  });

  it('builds with another Dockerfile name and no-cache', async () => {
    const context = writeContext(path.join(work, 'alt'), { 'docker/Dockerfile.alt': 'FROM busybox:latest\nRUN echo fresh\n' });
    const first = await build({ contextDir: context, dockerfile: 'docker/Dockerfile.alt', tags: ['wharf-build/alt:1'] });
    expect(first.state, JSON.stringify(first.error)).toBe('succeeded');
    const again = await build({ contextDir: context, dockerfile: 'docker/Dockerfile.alt', tags: ['wharf-build/alt:1'], noCache: true });
    expect(again.state).toBe('succeeded');
    const log = await call(core, 'tasks.log', { id: again.id, from: 0 });
    // With --no-cache the RUN runs again instead of " ---> Using cache".
    expect(log.lines).toContain('fresh');
    expect(log.lines).not.toContain(' ---> Using cache');
  });

  it('fails a failing RUN naming the step, the same step the CLI names', async () => {
    const dockerfile = 'FROM busybox:latest\nRUN echo before-failure\nRUN exit 3\nRUN echo never\n';
    const context = writeContext(path.join(work, 'failing'), { Dockerfile: dockerfile });
    const done = await build({ contextDir: context, tags: ['wharf-build/failing:1'] });
    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('failed');
    expect(done.error?.message).toContain('Step 3/4 : RUN exit 3');
    expect(done.error?.message).toContain('returned a non-zero code: 3');
    expect(buildFailureStep(done.error?.details)).toEqual({ n: 3, m: 4, instruction: 'RUN exit 3' });
    const log = await call(core, 'tasks.log', { id: done.id, from: 0 });
    expect(log.lines).toContain('before-failure');
    expect(log.lines.at(-1)).toContain('returned a non-zero code: 3');

    const cli = await engine.cli(['build', '-t', 'wharf-build/failing:cli', context], { cli: 'new', env: { DOCKER_BUILDKIT: '0' } });
    expect(cli.code).not.toBe(0);
    expect(cli.stdout).toContain('Step 3/4 : RUN exit 3');
    expect((await engine.cli(['image', 'inspect', 'wharf-build/failing:1'])).code).not.toBe(0);
  });

  it('fails a Dockerfile the engine cannot read with the engine\'s words', async () => {
    const context = writeContext(path.join(work, 'unparsable'), { Dockerfile: 'FROM busybox:latest\nFROBNICATE now\n' });
    const done = await build({ contextDir: context, tags: ['wharf-build/unparsable:1'] });
    expect(done.state).toBe('failed');
    const cli = await engine.cli(['build', context], { cli: 'new', env: { DOCKER_BUILDKIT: '0' } });
    expect(cli.stderr).toContain('unknown instruction: FROBNICATE');
    expect(done.error?.message).toContain('unknown instruction: FROBNICATE');
  });

  it('refuses an invalid tag before anything starts', async () => {
    const context = writeContext(path.join(work, 'badtag'), { Dockerfile: 'FROM busybox:latest\n' });
    const before = (await call(core, 'tasks.list')).length;
    for (const tag of ['Upper/Case:1', 'a:b:c', 'busybox@sha256:' + 'a'.repeat(64), 'has space']) {
      const envelope = await core.invoke('images.build', { contextDir: context, dockerfile: 'Dockerfile', tags: [tag], buildArgs: {}, noCache: false, pull: false });
      expect(envelope.ok, tag).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('invalid-input');
    }
    expect((await call(core, 'tasks.list')).length).toBe(before);
  });

  it('refuses a missing folder or Dockerfile, naming the path', async () => {
    const context = writeContext(path.join(work, 'nodockerfile'), { 'README.md': 'no Dockerfile here\n' });
    const input = { dockerfile: 'Dockerfile', tags: [], buildArgs: {}, noCache: false, pull: false };
    const missingFile = await core.invoke('images.build', { ...input, contextDir: context });
    expect(missingFile).toMatchObject({ ok: false, error: { code: 'not-found', message: `Dockerfile not found: ${path.join(context, 'Dockerfile')}` } });
    const missingDir = await core.invoke('images.build', { ...input, contextDir: path.join(work, 'nowhere') });
    expect(missingDir).toMatchObject({ ok: false, error: { code: 'not-found', message: `build folder not found: ${path.join(work, 'nowhere')}` } });
    const outside = await core.invoke('images.build', { ...input, contextDir: context, dockerfile: '../good/Dockerfile' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const relative = await core.invoke('images.build', { ...input, contextDir: 'relative/dir' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('cancels a running build', async () => {
    const context = writeContext(path.join(work, 'slow'), { Dockerfile: 'FROM busybox:latest\nRUN sleep 30\n' });
    const task = await call(core, 'images.build', { contextDir: context, dockerfile: 'Dockerfile', tags: ['wharf-build/slow:1'], buildArgs: {}, noCache: true, pull: false });
    await expect.poll(() => core.tasks.get(task.id)?.step?.values?.n, { timeout: 20_000 }).toBe(2);
    await expect.poll(async () => (await engine.cliOk(['ps', '-q'])).stdout.trim(), { timeout: 15_000 }).not.toBe('');
    await call(core, 'tasks.cancel', { id: task.id });
    expect((await core.tasks.settled(task.id)).state).toBe('cancelled');
    // The engine stops the build when the client goes away: the RUN's container is gone long before its 30 s.
    await expect.poll(async () => (await engine.cliOk(['ps', '-q'])).stdout.trim(), { timeout: 15_000 }).toBe('');
    expect((await engine.cli(['image', 'inspect', 'wharf-build/slow:1'])).code).not.toBe(0);
  });
});
