/**
 * `docker pull`, `docker push` and `docker tag` through the Engine API. Pull and push are tasks whose
 * per-layer rows come from the engine's progress stream; cancelling aborts the HTTP request, which makes
 * the engine stop the transfer.
 */
import type { IncomingMessage } from 'node:http';
import type { EngineStoppedDetails } from '../../../shared/engine-failure';
import { familiarName, parseReference, type ParsedReference } from '../../../shared/image-reference';
import type { PullResult, PullSource, PushResult, RegistryAuthDetails, TransferStepKey } from '../../../shared/image-transfer';
import { checkPrefix, prefixPullCommands, prefixedReference } from '../../../shared/prefix-mirrors';
import { classifyPullFailure, type PullFailureDetails } from '../../../shared/pull-failure';
import type { TaskInfo } from '../../../shared/tasks';
import type { EngineApi } from '../engine/engine-api';
import { WharfError, toErrorInfo } from '../errors';
import type { TaskContext, TaskManager } from '../tasks/task-manager';
import { readMessages } from '../engine/engine-stream';
import { createTransferProgress, transferStep } from './transfer-progress';

/** The engine's words when a registry wants credentials (distribution errcode, registry client). */
const AUTH_REFUSED = /unauthorized|authentication required|no basic auth credentials|denied|may require 'docker login'/i;
const NOT_FOUND = /not found|manifest unknown|does not exist/i;

export interface ImageTransferService {
  /** mirror: a prefix to pull through; null: the registry itself; undefined: the prefix saved for the registry, if any. */
  pull(reference: string, mirror?: string | null): Promise<TaskInfo<'pull'>>;
  push(reference: string): TaskInfo<'push'>;
  tag(source: string, target: string): Promise<{ target: string }>;
}

/** Parses a typed reference like the CLI (adding :latest), or refuses it with the problem's name. */
export function checkReference(typed: string): ParsedReference {
  const parsed = parseReference(typed);
  if (!parsed.ok) throw new WharfError('invalid-input', `invalid reference "${typed}": ${parsed.problem}`, { problem: parsed.problem });
  return parsed.value;
}

/** The name part the engine's API wants (fromImage=, /images/{name}/push, repo=): as the CLI sends it. */
function apiName(ref: ParsedReference): string {
  return familiarName(ref.domain, ref.path);
}

/** An engine failure (HTTP error or error line), with the code a user acts on. */
export function transferFailure(error: unknown, ref: ParsedReference): WharfError {
  const info = toErrorInfo(error);
  if (info.code === 'cancelled') return new WharfError('cancelled', info.message);
  if (AUTH_REFUSED.test(info.message)) {
    const details: RegistryAuthDetails = { reason: 'registry-auth', registry: ref.domain };
    return new WharfError('permission-denied', info.message, details);
  }
  if (NOT_FOUND.test(info.message)) return new WharfError('not-found', info.message);
  return new WharfError(info.code, info.message, info.details);
}

/**
 * A pull failure with its reason when Wharf can explain it (a mirror's allow-list, a rate limit, a timeout, the engine
 * gone to Docker Hub); otherwise the failure as transferFailure made it.
 */
async function explainPull(failure: WharfError, ref: ParsedReference, prefix: string | undefined, engine: EngineApi): Promise<WharfError> {
  if (failure.code === 'cancelled' || failure.code === 'engine-unreachable') return failure;
  const hubMirrors = prefix === undefined && ref.domain === 'docker.io' ? await engine.info().then((info) => info.RegistryConfig?.Mirrors ?? [], () => []) : [];
  const reason = classifyPullFailure(failure.message, { registry: ref.domain, viaPrefix: prefix !== undefined, hubMirrors });
  if (reason === undefined) return failure;
  const details: PullFailureDetails = { reason, registry: ref.domain, mirrors: prefix !== undefined ? [prefix] : hubMirrors };
  const code = reason === 'mirror-forbidden' ? 'permission-denied' : reason === 'timeout' ? 'timeout' : 'failed';
  return new WharfError(code, failure.message, details);
}

/** How long the engine gets to answer /_ping after a transfer broke before it counts as stopped. */
const PING_AFTER_BREAK_MS = 2_000;

/** True when the engine no longer answers: what broke the transfer was the engine going away, not the registry. */
async function engineStopped(engine: EngineApi): Promise<boolean> {
  if (!engine.connected()) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<'silent'>((resolve) => {
    timer = setTimeout(() => resolve('silent'), PING_AFTER_BREAK_MS);
  });
  try {
    return (await Promise.race([engine.ping().then(() => 'answered' as const), silence])) === 'silent';
  } catch {
    return true; // the ping failing is the answer: the engine is gone
  } finally {
    clearTimeout(timer);
  }
}

/** A transfer's failure as the user needs it: "the engine stopped during the pull" rather than the socket's "aborted". */
async function explainFailure(error: unknown, ref: ParsedReference, direction: 'pull' | 'push', engine: EngineApi, signal: AbortSignal): Promise<WharfError> {
  const failure = transferFailure(error, ref);
  if (failure.code === 'cancelled' || signal.aborted || !(await engineStopped(engine))) return failure;
  const details: EngineStoppedDetails = { reason: 'engine-stopped', during: direction };
  return new WharfError('engine-unreachable', `the engine stopped during the ${direction} (${failure.message})`, details);
}

/** Follows one pull or push stream to its end, drawing rows and progress; throws the engine's error. */
async function follow(engine: EngineApi, ctx: TaskContext, ref: ParsedReference, direction: 'pull' | 'push', open: (signal: AbortSignal) => Promise<IncomingMessage>) {
  const progress = createTransferProgress();
  let step: TransferStepKey = 'starting';
  ctx.progress(null, { key: step });
  try {
    const response = await open(ctx.signal);
    await readMessages(response, (message) => {
      if (!progress.read(message)) return;
      const layers = progress.layers();
      step = transferStep(layers, direction);
      ctx.detail({ kind: 'layers', layers });
      ctx.progress(progress.fraction(), { key: step });
    });
  } catch (error) {
    throw await explainFailure(error, ref, direction, engine, ctx.signal);
  }
  const failed = progress.error();
  if (failed !== undefined) throw await explainFailure(new Error(failed), ref, direction, engine, ctx.signal);
  ctx.detail({ kind: 'layers', layers: progress.layers() });
  ctx.progress(1, { key: 'finishing' });
  return progress;
}

/** Where the prefix mirrors saved per registry come from (registry-mirrors/prefix-mirrors-store.ts). */
export interface PrefixLookup {
  prefixFor(registry: string): Promise<string | undefined>;
}

/** The prefix a pull goes through, if any: the one asked for, else the one saved for the reference's registry. */
async function prefixOf(ref: ParsedReference, mirror: string | null | undefined, prefixes: PrefixLookup): Promise<string | undefined> {
  if (mirror === null) return undefined;
  if (mirror === undefined) {
    // A digest cannot be tagged under the asked name: saved prefixes do not apply to it.
    return ref.digest ? undefined : prefixes.prefixFor(ref.domain);
  }
  const checked = checkPrefix(mirror);
  if ('problem' in checked) throw new WharfError('invalid-input', `invalid prefix mirror "${mirror}": ${checked.problem}`, { field: 'mirror', problem: checked.problem });
  if (ref.digest) throw new WharfError('invalid-input', `a digest reference cannot be pulled through a prefix mirror (the image could not get the name asked for): ${ref.familiar}`, { field: 'mirror', problem: 'digest' });
  return checked.value;
}

export function createImageTransferService(engine: EngineApi, tasks: TaskManager, prefixes: PrefixLookup): ImageTransferService {
  const exists = async (reference: string): Promise<boolean> => {
    try {
      await engine.inspectImage(reference);
      return true;
    } catch {
      return false;
    }
  };
  return {
    async pull(typed, mirror) {
      const ref = checkReference(typed);
      const prefix = await prefixOf(ref, mirror, prefixes);
      engine.ready();
      const name = apiName(ref);
      const tag = ref.tag ?? 'latest';
      if (prefix === undefined) {
        return tasks.start({ kind: 'pull', target: ref.familiar }, async (ctx): Promise<PullResult> => {
          // Like the CLI: one tag (or the digest), never all tags of the repository.
          const progress = await follow(engine, ctx, ref, 'pull', (signal) => engine.pullImage(name, ref.digest ?? tag, signal)).catch(async (error: unknown) => {
            throw await explainPull(error as WharfError, ref, undefined, engine);
          });
          const local = ref.digest ? `${name}@${ref.digest}` : `${name}:${tag}`;
          const inspected = await engine.inspectImage(local);
          const digest = progress.digest() ?? ref.digest;
          return { reference: ref.familiar, id: inspected.Id, ...(digest ? { digest } : {}), upToDate: progress.upToDate(), source: { kind: 'direct' }, commands: [['docker', 'pull', ref.familiar]] };
        });
      }
      const pulledRef = checkReference(prefixedReference(ref, prefix));
      const pulledName = apiName(pulledRef);
      return tasks.start({ kind: 'pull', target: ref.familiar }, async (ctx): Promise<PullResult> => {
        // A mirror's name the user already had stays: only a name this pull made is removed.
        const hadMirrorName = await exists(pulledRef.familiar);
        const progress = await follow(engine, ctx, pulledRef, 'pull', (signal) => engine.pullImage(pulledName, tag, signal)).catch(async (error: unknown) => {
          throw await explainPull(error as WharfError, ref, prefix, engine);
        });
        await engine.tagImage(pulledRef.familiar, name, tag);
        if (!hadMirrorName) await engine.removeImage(pulledRef.familiar, { force: false, noprune: true });
        const inspected = await engine.inspectImage(`${name}:${tag}`);
        const digest = progress.digest();
        const source: PullSource = { kind: 'prefix', prefix, pulled: pulledRef.familiar };
        return { reference: ref.familiar, id: inspected.Id, ...(digest ? { digest } : {}), upToDate: progress.upToDate(), source, commands: prefixPullCommands(ref.familiar, pulledRef.familiar) };
      });
    },

    push(typed) {
      const ref = checkReference(typed);
      if (ref.digest) throw new WharfError('invalid-input', `cannot push a digest reference: ${typed}`);
      engine.ready();
      const name = apiName(ref);
      return tasks.start({ kind: 'push', target: ref.familiar }, async (ctx): Promise<PushResult> => {
        const progress = await follow(engine, ctx, ref, 'push', (signal) => engine.pushImage(name, ref.tag ?? 'latest', signal));
        const digest = progress.digest();
        return { reference: ref.familiar, ...(digest ? { digest } : {}) };
      });
    },

    async tag(source, typedTarget) {
      const target = checkReference(typedTarget);
      if (target.digest) throw new WharfError('invalid-input', `refusing to create a tag with a digest reference: ${typedTarget}`);
      await engine.tagImage(source, apiName(target), target.tag ?? 'latest');
      return { target: target.familiar };
    },
  };
}
