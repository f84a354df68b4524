/** `docker save`, `docker load` and `docker import` of files on this machine, as tasks. */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ParsedInput } from '../../../shared/contract';
import { ARCHIVE_BYTES_KEY, type ImportResult, type LoadResult, type SaveResult } from '../../../shared/image-build';
import { parseReference } from '../../../shared/image-reference';
import type { TaskInfo } from '../../../shared/tasks';
import { humanSize } from '../../../shared/units';
import type { SaveTargetDetails } from '../../../shared/save-target';
import type { EngineApi } from '../engine/engine-api';
import { WharfError } from '../errors';
import type { TaskContext, TaskManager } from '../tasks/task-manager';
import type { EngineMessage } from './build-stream';
import { readImportAnswer, readLoadAnswer } from './build-stream';
import { readMessages } from '../engine/engine-stream';
import { checkSaveTarget } from './save-target';

export interface ImageArchiveService {
  save(input: ParsedInput<'images.save'>): Promise<TaskInfo<'image-save'>>;
  load(input: ParsedInput<'images.load'>): Promise<TaskInfo<'image-load'>>;
  import(input: ParsedInput<'images.import'>): Promise<TaskInfo<'image-import'>>;
}

async function statOrUndefined(path: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined; // missing: the caller answers not-found
  }
}

/** An archive to read: it exists and is a file; answers its size. */
async function checkSourceFile(path: string): Promise<number> {
  const s = await statOrUndefined(path);
  if (!s) throw new WharfError('not-found', `file not found: ${path}`);
  if (!s.isFile()) throw new WharfError('invalid-input', `not a file: ${path}`);
  return Number(s.size);
}

/** Counts the bytes flowing through and reports them (and the fraction, when the total is known). */
function byteCounter(ctx: TaskContext, total: number | null): Transform & { bytes: number } {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counter.bytes += chunk.length;
      ctx.progress(total ? counter.bytes / total : null, { key: ARCHIVE_BYTES_KEY, values: { size: humanSize(counter.bytes) } });
      done(null, chunk);
    },
  }) as Transform & { bytes: number };
  counter.bytes = 0;
  return counter;
}

/** Sends a file as the body of a POST and collects the engine's JSON answer. */
async function postFile(ctx: TaskContext, engine: EngineApi, endpoint: string, file: { path: string; size: number }, query: Record<string, unknown>): Promise<EngineMessage[]> {
  const { path, size } = file;
  const source = createReadStream(path);
  const body = source.pipe(byteCounter(ctx, size));
  source.on('error', (error) => body.destroy(error));
  ctx.signal.addEventListener('abort', () => source.destroy(), { once: true });
  const response = await engine.stream({
    method: 'POST',
    path: endpoint,
    query,
    body,
    headers: { 'Content-Type': 'application/x-tar', 'Content-Length': size },
    signal: ctx.signal,
  });
  const messages: EngineMessage[] = [];
  await readMessages(response, (message) => messages.push(message));
  return messages;
}

export function createImageArchiveService(engine: EngineApi, tasks: TaskManager): ImageArchiveService {
  return {
    async save({ images, path, overwrite }) {
      await checkSaveTarget(path, overwrite);
      engine.ready();
      return tasks.start({ kind: 'image-save', target: path }, async (ctx): Promise<SaveResult> => {
        // Written next to the target, then renamed: a failed or cancelled save never leaves half a tar under its name.
        const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.part`);
        try {
          const response = await engine.stream({ method: 'GET', path: '/images/get', query: { names: images }, signal: ctx.signal });
          const counter = byteCounter(ctx, null);
          await pipeline(response, counter, createWriteStream(temp, { flags: 'wx' }), { signal: ctx.signal });
          // Checked again: the save took a while, and what has the name now is what the rename would replace.
          await checkSaveTarget(path, overwrite);
          if (overwrite) await rename(temp, path);
          else await link(temp, path).catch((error: unknown) => {
            if ((error as { code?: string }).code !== 'EEXIST') throw error;
            const details: SaveTargetDetails = { field: 'path', problem: 'exists' };
            throw new WharfError('conflict', `the file already exists: ${path}`, details);
          });
          return { path, bytes: counter.bytes };
        } finally {
          await unlink(temp).catch(() => undefined); // already linked away and gone, or never made
        }
      });
    },

    async load({ path }) {
      const size = await checkSourceFile(path);
      return tasks.start({ kind: 'image-load', target: path }, async (ctx): Promise<LoadResult> => {
        const answer = readLoadAnswer(await postFile(ctx, engine, '/images/load', { path, size }, { quiet: '1' }));
        if (answer.error !== undefined) throw new WharfError('failed', answer.error);
        return { loaded: answer.loaded };
      });
    },

    async import({ path, reference, message }) {
      let repo: string | undefined;
      if (reference !== undefined) {
        const parsed = parseReference(reference.trim());
        if (!parsed.ok) throw new WharfError('invalid-input', `invalid reference "${reference}" (${parsed.problem})`);
        if (parsed.value.digest) throw new WharfError('invalid-input', `invalid reference "${reference}": an import cannot be named by a digest`);
        repo = reference.trim();
      }
      const size = await checkSourceFile(path);
      return tasks.start({ kind: 'image-import', target: repo ?? path }, async (ctx): Promise<ImportResult> => {
        const query: Record<string, unknown> = { fromSrc: '-' };
        if (repo) query.repo = repo;
        if (message) query.message = message;
        const answer = readImportAnswer(await postFile(ctx, engine, '/images/create', { path, size }, query));
        if (answer.error !== undefined) throw new WharfError('failed', answer.error);
        if (!answer.id) throw new WharfError('failed', 'the engine finished the import without naming an image');
        return repo ? { id: answer.id, reference: repo } : { id: answer.id };
      });
    },
  };
}
