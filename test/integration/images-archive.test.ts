/**
 * images.save / images.load / images.import on a private engine: a saved archive loads back to the same images
 * (`docker image ls` before and after agree), an imported rootfs runs, and files are never clobbered or guessed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { Envelope } from '../../src/shared/errors';
import type { ImportResult, LoadResult, SaveResult } from '../../src/shared/image-build';
import type { TaskInfo } from '../../src/shared/tasks';
import { humanSize } from '../../src/shared/units';
import { BUSYBOX, TAR } from '../support/constants';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { runOk } from '../support/exec';
import { buildImage, importBusybox } from '../support/fixtures';
import { call, makeCore } from './make-core';

const IMAGES = ['busybox:latest', 'wharf-archive/labelled:1'];

describe('images.save, images.load, images.import', () => {
  let engine: PrivateEngine;
  let core: Core;
  let work: string;

  beforeAll(async () => {
    engine = await startPrivateEngine({ name: 'archive' });
    await importBusybox(engine);
    await buildImage(engine, 'wharf-archive/labelled:1', 'FROM busybox:latest\nLABEL wharf.test=archive\n');
    core = makeCore(engine.host);
    await core.start();
    work = fs.mkdtempSync(path.join(engine.dir, 'archive-'));
  });

  afterAll(async () => {
    core?.stop();
    await engine?.destroy();
  });

  async function run(channel: 'images.save' | 'images.load' | 'images.import', input: unknown): Promise<TaskInfo> {
    const task = await call(core, channel, input);
    return core.tasks.settled(task.id);
  }

  async function imageLs(): Promise<string[]> {
    const { stdout } = await engine.cliOk(['image', 'ls', '--no-trunc', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}']);
    return stdout.split('\n').filter(Boolean).sort();
  }

  it('saves two images to a tar that loads back to the same images', async () => {
    const target = path.join(work, 'two.tar');
    const saved = await run('images.save', { images: IMAGES, path: target, overwrite: false });
    expect(saved.state, JSON.stringify(saved.error)).toBe('succeeded');
    expect(saved.result).toEqual<SaveResult>({ path: target, bytes: fs.statSync(target).size });
    expect(saved.step).toEqual({ key: 'archive-bytes', values: { size: humanSize(fs.statSync(target).size) } });
    expect(fs.readdirSync(work).filter((f) => f.endsWith('.part'))).toEqual([]);

    const before = await imageLs();
    expect(before.filter((row) => IMAGES.some((ref) => row.startsWith(`${ref} `)))).toHaveLength(2);
    await engine.cliOk(['image', 'rm', ...IMAGES]);
    expect(await imageLs()).not.toEqual(before);

    const loaded = await run('images.load', { path: target });
    expect(loaded.state, JSON.stringify(loaded.error)).toBe('succeeded');
    expect((loaded.result as LoadResult).loaded.sort()).toEqual([...IMAGES].sort());
    // Progress counted the bytes sent: all of the file, in the end.
    expect(loaded.step).toEqual({ key: 'archive-bytes', values: { size: humanSize(fs.statSync(target).size) } });
    expect(await imageLs()).toEqual(before);
  });

  it('refuses to overwrite unless asked, and refuses a missing folder', async () => {
    const target = path.join(work, 'existing.tar');
    fs.writeFileSync(target, 'keep me');
    const refused = await core.invoke('images.save', { images: ['busybox:latest'], path: target, overwrite: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');

    const overwritten = await run('images.save', { images: ['busybox:latest'], path: target, overwrite: true });
    expect(overwritten.state, JSON.stringify(overwritten.error)).toBe('succeeded');
    expect(fs.statSync(target).size).toBeGreaterThan(1024);

    const noFolder = await core.invoke('images.save', { images: ['busybox:latest'], path: path.join(work, 'nowhere', 'x.tar'), overwrite: false });
    expect(noFolder).toMatchObject({ ok: false, error: { code: 'not-found', message: `folder not found: ${path.join(work, 'nowhere')}` } });
    const relative = await core.invoke('images.save', { images: ['busybox:latest'], path: 'x.tar', overwrite: false });
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('fails a save of an unknown image without leaving a file', async () => {
    const target = path.join(work, 'unknown.tar');
    const done = await run('images.save', { images: ['wharf-archive/does-not-exist:1'], path: target, overwrite: false });
    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('not-found');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(work).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('refuses to load a missing file and fails a file that is not an image archive', async () => {
    expect(await core.invoke('images.load', { path: path.join(work, 'missing.tar') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await core.invoke('images.load', { path: 'relative.tar' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const junk = path.join(work, 'junk.tar');
    fs.writeFileSync(junk, 'this is not a tar archive at all\n'.repeat(100));
    const done = await run('images.load', { path: junk });
    expect(done.state).toBe('failed');
    expect(done.error?.message).not.toBe('');
  });

  it('imports a root filesystem tar as an image that runs', async () => {
    const rootfs = path.join(work, 'rootfs');
    fs.mkdirSync(rootfs);
    fs.copyFileSync(BUSYBOX, path.join(rootfs, 'busybox'));
    fs.chmodSync(path.join(rootfs, 'busybox'), 0o755);
    const tarball = path.join(work, 'rootfs.tar');
    await runOk(TAR, ['--numeric-owner', '--owner=0', '--group=0', '-C', rootfs, '-cf', tarball, '.']);

    const done = await run('images.import', { path: tarball, reference: 'wharf-archive/rootfs:1', message: 'imported by wharf' });
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    const result = done.result as ImportResult;
    expect(result.reference).toBe('wharf-archive/rootfs:1');
    expect((await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', 'wharf-archive/rootfs:1'])).stdout.trim()).toBe(result.id);
    expect((await engine.cliOk(['image', 'history', '--format', '{{.Comment}}', 'wharf-archive/rootfs:1'])).stdout.trim()).toBe('imported by wharf');
    const ran = await engine.cli(['run', '--rm', 'wharf-archive/rootfs:1', '/busybox', 'true']);
    expect(ran.code, ran.stderr).toBe(0);

    // Without a reference: an untagged image, known by its ID.
    const bare = await run('images.import', { path: tarball });
    expect(bare.state).toBe('succeeded');
    expect((await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', (bare.result as ImportResult).id])).stdout.trim()).toBe((bare.result as ImportResult).id);

    expect(await core.invoke('images.import', { path: tarball, reference: 'Bad Ref' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
  describe('a save writes over nothing but a regular file', () => {
    const IMAGE = ['busybox:latest'];

    /** Asks for a save; if one was started after all, waits for it, so whatever it would write is written. */
    async function attemptSave(target: string, overwrite: boolean): Promise<Envelope<unknown>> {
      const answer = await core.invoke('images.save', { images: IMAGE, path: target, overwrite });
      if (answer.ok) await core.tasks.settled((answer.value as TaskInfo).id);
      return answer;
    }

    const refusedAtPath = (problem: string, code = 'invalid-input'): Record<string, unknown> => ({ ok: false, error: { code, details: { field: 'path', problem } } });

    it('refuses a device file, with or without overwrite: a device node and /dev/null stay devices', async () => {
      // A private device node first: a build that writes over devices fails here, before /dev/null is ever tried.
      const device = path.join(work, 'null-device');
      await runOk('/usr/bin/mknod', [device, 'c', '1', '3']);
      for (const overwrite of [false, true]) {
        expect(await attemptSave(device, overwrite)).toMatchObject(refusedAtPath('isDevice'));
        expect(fs.lstatSync(device).isCharacterDevice()).toBe(true);
      }
      const devNull = fs.lstatSync('/dev/null');
      for (const overwrite of [false, true]) {
        expect(await attemptSave('/dev/null', overwrite)).toMatchObject(refusedAtPath('isDevice'));
        const after = fs.lstatSync('/dev/null');
        expect(after.isCharacterDevice()).toBe(true);
        expect(after.rdev).toBe(devNull.rdev);
      }
      expect(fs.readdirSync(work).filter((f) => f.endsWith('.part'))).toEqual([]);
    });

    it('refuses a folder, a fifo and a symlink at the target, even with overwrite; what the link points to is untouched', async () => {
      const folder = path.join(work, 'a-folder');
      fs.mkdirSync(folder);
      expect(await attemptSave(folder, true)).toMatchObject(refusedAtPath('isFolder'));
      expect(fs.lstatSync(folder).isDirectory()).toBe(true);

      const fifo = path.join(work, 'a-fifo');
      await runOk('/usr/bin/mkfifo', [fifo]);
      expect(await attemptSave(fifo, true)).toMatchObject(refusedAtPath('isSpecial'));
      expect(fs.lstatSync(fifo).isFIFO()).toBe(true);

      const elsewhere = fs.mkdtempSync(path.join(engine.dir, 'elsewhere-'));
      const victim = path.join(elsewhere, 'victim.txt');
      fs.writeFileSync(victim, 'not yours');
      const link = path.join(work, 'link.tar');
      fs.symlinkSync(victim, link);
      for (const overwrite of [false, true]) {
        expect(await attemptSave(link, overwrite)).toMatchObject(refusedAtPath('isLink'));
        expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
        expect(fs.readlinkSync(link)).toBe(victim);
        expect(fs.readFileSync(victim, 'utf8')).toBe('not yours');
      }
      expect(fs.readdirSync(work).filter((f) => f.endsWith('.part'))).toEqual([]);
    });

    it('saves into a folder that is a link, but refuses a ".." after a link, naming where it really leads', async () => {
      const elsewhere = fs.mkdtempSync(path.join(engine.dir, 'elsewhere-'));
      const via = path.join(work, 'via-link');
      fs.symlinkSync(elsewhere, via);
      // "via-link/.." is the folder above `elsewhere` to the kernel, not `work`.
      expect(await attemptSave(`${via}/../y.tar`, false)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', details: { field: 'path', problem: 'folderIsLink', realFolder: path.dirname(elsewhere) } },
      });
      expect(fs.readdirSync(elsewhere)).toEqual([]);
      expect(fs.readdirSync(path.dirname(elsewhere)).filter((f) => f === 'y.tar' || f.endsWith('.part'))).toEqual([]);
      expect(fs.existsSync(path.join(work, 'y.tar'))).toBe(false);
      // A linked folder itself is the user's folder (a home on another disk): the file lands behind the link.
      const linked = await run('images.save', { images: IMAGE, path: path.join(via, 'x.tar'), overwrite: false });
      expect(linked.state, JSON.stringify(linked.error)).toBe('succeeded');
      expect(fs.lstatSync(path.join(elsewhere, 'x.tar')).isFile()).toBe(true);
    });

    it('still saves to a new file and, when asked, over a regular file', async () => {
      const target = path.join(work, 'plain.tar');
      const first = await run('images.save', { images: IMAGE, path: target, overwrite: false });
      expect(first.state, JSON.stringify(first.error)).toBe('succeeded');
      expect(fs.lstatSync(target).isFile()).toBe(true);
      expect(await attemptSave(target, false)).toMatchObject(refusedAtPath('exists', 'conflict'));
      fs.writeFileSync(target, 'old');
      const again = await run('images.save', { images: IMAGE, path: target, overwrite: true });
      expect(again.state, JSON.stringify(again.error)).toBe('succeeded');
      expect(fs.statSync(target).size).toBe((again.result as SaveResult).bytes);
    });
  });
});
