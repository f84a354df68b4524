/** `docker build` of a folder on this machine (the engine's classic builder), as a task with its log. */
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ParsedInput } from '../../../shared/contract';
import { BUILD_STEP_KEY, type BuildResult, type BuildStep } from '../../../shared/image-build';
import { parseReference } from '../../../shared/image-reference';
import type { TaskInfo } from '../../../shared/tasks';
import type { EngineApi } from '../engine/engine-api';
import { WharfError } from '../errors';
import type { TaskManager } from '../tasks/task-manager';
import { packContext } from './build-context';
import { buildFailure, builtIdFromLine, createBuildStreamReader } from './build-stream';
import { readMessages } from '../engine/engine-stream';

export type BuildInput = ParsedInput<'images.build'>;

/** Every tag is a valid name:tag (no digest), or the build does not start. */
export function checkTags(tags: readonly string[]): string[] {
  return tags.map((typed) => {
    const tag = typed.trim();
    const parsed = parseReference(tag);
    if (!parsed.ok) throw new WharfError('invalid-input', `invalid tag "${typed}" (${parsed.problem})`);
    if (parsed.value.digest) throw new WharfError('invalid-input', `invalid tag "${typed}": a tag cannot carry a digest`);
    return tag;
  });
}

async function kindOf(path: string): Promise<'dir' | 'file' | 'other' | 'missing'> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
  } catch {
    return 'missing'; // the caller turns this into a coded not-found
  }
}

/** The context folder and the Dockerfile's path inside it ('/'-separated, as /build's dockerfile= wants it). */
export async function checkContext(contextDir: string, dockerfile: string): Promise<{ contextDir: string; dockerfile: string }> {
  const dir = resolve(contextDir);
  const dirKind = await kindOf(dir);
  if (dirKind === 'missing') throw new WharfError('not-found', `build folder not found: ${dir}`);
  if (dirKind !== 'dir') throw new WharfError('invalid-input', `not a folder: ${dir}`);
  const file = isAbsolute(dockerfile) ? resolve(dockerfile) : resolve(dir, dockerfile);
  const rel = relative(dir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new WharfError('invalid-input', `the Dockerfile must be inside the build folder ${dir}: ${file}`);
  }
  const fileKind = await kindOf(file);
  if (fileKind === 'missing') throw new WharfError('not-found', `Dockerfile not found: ${file}`);
  if (fileKind !== 'file') throw new WharfError('invalid-input', `the Dockerfile is not a file: ${file}`);
  return { contextDir: dir, dockerfile: rel.split(sep).join('/') };
}

export function createImageBuildService(engine: EngineApi, tasks: TaskManager): { build(input: BuildInput): Promise<TaskInfo<'build'>> } {
  return {
    async build(input) {
      const tags = checkTags(input.tags);
      const context = await checkContext(input.contextDir, input.dockerfile);
      engine.ready();
      return tasks.start({ kind: 'build', target: tags[0] ?? context.contextDir }, async (ctx): Promise<BuildResult> => {
        const body = packContext(context.contextDir, context.dockerfile);
        ctx.signal.addEventListener('abort', () => body.destroy(), { once: true });
        const query: Record<string, unknown> = { dockerfile: context.dockerfile, rm: '1', version: '1' };
        if (tags.length > 0) query.t = tags;
        if (Object.keys(input.buildArgs).length > 0) query.buildargs = input.buildArgs;
        if (input.noCache) query.nocache = '1';
        if (input.pull) query.pull = '1';
        const response = await engine.stream({ method: 'POST', path: '/build', query, body, signal: ctx.signal });

        const reader = createBuildStreamReader();
        let step: BuildStep | undefined;
        let id: string | undefined;
        let shortId: string | undefined;
        let error: string | undefined;
        const take = (lines: string[]): void => {
          for (const line of lines) shortId = builtIdFromLine(line) ?? shortId;
          ctx.log(lines);
        };
        await readMessages(response, (message) => {
          const events = reader.read(message);
          take(events.lines);
          if (events.step) {
            step = events.step;
            ctx.progress((step.n - 1) / step.m, { key: BUILD_STEP_KEY, values: { n: step.n, m: step.m } });
          }
          id = events.imageId ?? id;
          error ??= events.error;
        });
        take(reader.flush());
        if (error !== undefined) throw buildFailure(error, step);
        if (!id && shortId) id = (await engine.inspectImage(shortId)).Id;
        if (!id) throw new WharfError('failed', 'the engine finished the build without naming an image');
        return { id, tags };
      });
    },
  };
}
