/**
 * The apply task: validate, back up, write atomically, reload, verify through GET /info; when the engine does not come
 * back or the values are not in effect, restore the backup, bring the engine back (reload when it still answers,
 * restart when it does not), verify the original values and report why — nothing is left half-applied. For the
 * system engine all the privileged steps are one call of the root helper: it writes and reloads, then waits while
 * Wharf verifies, and commits or rolls back on Wharf's word (or rolls back by itself when Wharf goes away).
 * Cancelling the task rolls back too.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { maskCredentials } from '../../../shared/engine-proxy';
import type { RegistryMirrorsApplyResult, RegistryMirrorsPlan, RegistryMirrorsRollback, PlannedCommand, RegistrySettings } from '../../../shared/registry-mirrors';
import type { CommandLine } from '../../../shared/setup';
import type { Clock } from '../clock';
import type { EngineApi } from '../engine/engine-api';
import { WharfError, toErrorInfo } from '../errors';
import type { Logger } from '../log';
import type { TaskContext } from '../tasks/task-manager';
import { logApplied, logNotApplied } from './apply-log';
import { fileCommands } from './file-commands';
import { inEffectOf, settingsMatch, type ExpectedProxies } from './in-effect';
import { parseDaemonJson } from './json-text';
import { registrySettingsOf } from './merge';
import { startHelperApply, type HelperApply } from './root-helper';
import type { Situation } from './situation';

export interface ApplyDeps {
  input: RegistrySettings & { expectedHash: string };
  plan: () => Promise<RegistryMirrorsPlan & { situation: Situation; wanted: RegistrySettings; expectedProxies?: ExpectedProxies; verifyExtra?: () => Promise<boolean> }>;
  engine: EngineApi;
  /** Try the engine now rather than at the connection's next backoff step (it restarts during an apply). */
  reconnect(): Promise<unknown>;
  clock: Clock;
  verifyTimeoutMs: number;
  logger: Logger;
}

const POLL_MS = 300;

async function currentSettings(deps: Pick<ApplyDeps, 'engine' | 'reconnect'>): Promise<RegistrySettings | undefined> {
  try {
    return inEffectOf(await deps.engine.info());
  } catch {
    // Engine down (mid-restart): undefined says so; a failed reconnect is the same answer.
    await deps.reconnect().catch(() => undefined);
    return undefined;
  }
}

/** Polls GET /info until the wanted settings show, or the timeout (or the task is cancelled); answers what was seen last. */
async function waitForSettings(deps: ApplyDeps, wanted: RegistrySettings, signal: AbortSignal, proxies?: ExpectedProxies): Promise<{ ok: boolean; seen?: RegistrySettings }> {
  const deadline = deps.clock.now() + deps.verifyTimeoutMs;
  let seen: RegistrySettings | undefined;
  for (;;) {
    seen = (await currentSettings(deps)) ?? seen;
    if (seen && settingsMatch(seen, wanted, proxies)) return { ok: true, seen };
    if (deps.clock.now() >= deadline || signal.aborted) return { ok: false, seen };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function quote(argv: CommandLine): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The engine's errors (what the user needs to see), else its last lines. */
export function importantLines(lines: string[]): string[] {
  const errors = lines.filter((line) => /level=(error|fatal)|^(failed|unable|error)\b/i.test(line));
  return (errors.length > 0 ? errors : lines).slice(-30);
}

/** What the privileged part did: the backup it made, or why the engine did not get the new file. */
interface Written {
  backupPath?: string;
  /** The file was written but the reload failed. */
  failure?: string;
  /** The root helper, waiting for the verdict. */
  helper?: HelperApply;
}

/**
 * One call of the root helper: checks, backup, atomic write and reload together (one password prompt); it then
 * waits for the verdict. A refusal changed nothing and throws.
 */
async function writeWithHelper(ctx: TaskContext, s: Situation, command: PlannedCommand): Promise<Written> {
  ctx.progress(0.3, { key: 'registry-write' });
  ctx.log([`$ ${quote(command.argv)}`]);
  const helper = await startHelperApply(s.runner, command);
  ctx.log([helper.writtenLine]);
  const w = helper.written;
  const written: Written = { helper, ...(w.backup ? { backupPath: w.backup } : {}) };
  // Written, not reloaded or restarted: the rest of the apply rolls it back.
  if (w.reload === 'failed') return { ...written, failure: `the engine could not be told to reload${w.detail ? `: ${w.detail}` : ''}` };
  if (w.restart === 'failed') return { ...written, failure: `the engine's service could not restart${w.detail ? `: ${w.detail}` : ''}` };
  if (w.restart === 'none') {
    // No service runs this dockerd: the controller restarts it if it knows how (else says it cannot).
    ctx.progress(0.5, { key: 'registry-restart' });
    try {
      ctx.log(s.controller.describe('restart').map((argv) => `$ ${quote(argv)}`));
      await s.controller.restart();
    } catch (error) {
      return { ...written, failure: toErrorInfo(error).message };
    }
  }
  return written;
}

/** A rootless engine's own file: the file steps and the reload run as the user, one by one. */
async function writeOwnFiles(ctx: TaskContext, s: Situation, newText: string, nowMs: number, how: How): Promise<Written> {
  const files = fileCommands(s.path, { exists: s.text !== undefined, dirExists: existsSync(dirname(s.path)), nowMs, systemDirs: s.systemDirs, privateFile: how.privateFile });
  const run = async (argv: CommandLine, stdin?: string): Promise<void> => {
    ctx.log([`$ ${quote(argv)}`]);
    await s.exec(argv, stdin);
  };
  ctx.progress(0.2, { key: 'registry-backup' });
  for (const argv of files.backup) await run(argv);
  ctx.progress(0.35, { key: 'registry-write' });
  for (const step of files.write) await run(step.argv, step.stdin ? newText : undefined);
  ctx.progress(0.5, { key: how.restart ? 'registry-restart' : 'registry-reload' });
  try {
    ctx.log(s.controller.describe(how.restart ? 'restart' : 'reload').map((argv) => `$ ${quote(argv)}`));
    await (how.restart ? s.controller.restart() : s.controller.reload());
    return files.backupPath ? { backupPath: files.backupPath } : {};
  } catch (error) {
    return { ...(files.backupPath ? { backupPath: files.backupPath } : {}), failure: toErrorInfo(error).message };
  }
}

/** How the change reaches the engine: a restart (what dockerd reads at start only), a file for root alone. */
interface How {
  restart: boolean;
  privateFile: boolean;
}

/**
 * Puts the original file back and brings the engine back on it (reload when it answers, restart when it does not,
 * or when the change took a restart).
 */
async function restore(ctx: TaskContext, s: Situation, written: Written, engineUp: boolean, nowMs: number, how: How): Promise<string | undefined> {
  ctx.progress(0.75, { key: 'registry-restore' });
  try {
    if (written.helper) {
      // The helper, still waiting as root, puts the backup back and reloads the engine, or restarts its service
      // when no dockerd serves the socket any more (it may have done so already by itself).
      const answer = await written.helper.decide('rollback');
      ctx.log([JSON.stringify(answer)]);
      if (answer.verb !== 'rollback') throw new WharfError('failed', `the root helper kept ${answer.path}`);
      ctx.progress(0.85, { key: answer.restart !== undefined ? 'registry-restart' : 'registry-reload' });
      // No service manager runs this dockerd: the controller restarts it if it knows how (else says it cannot).
      if (answer.restart === 'none') await s.controller.restart();
      return undefined;
    }
    const files = fileCommands(s.path, { exists: s.text !== undefined, dirExists: true, nowMs, systemDirs: s.systemDirs });
    for (const argv of files.restore) {
      ctx.log([`$ ${quote(argv)}`]);
      await s.exec(argv);
    }
    const reload = engineUp && !how.restart;
    ctx.progress(0.85, { key: reload ? 'registry-reload' : 'registry-restart' });
    if (reload) await s.controller.reload();
    else await s.controller.restart();
    return undefined;
  } catch (error) {
    return toErrorInfo(error).message;
  }
}

type Plan = Awaited<ReturnType<ApplyDeps['plan']>>;

/** The apply, with its outcome (applied, unchanged, refused, rolled back) in the log. */
export async function runApply(ctx: TaskContext, deps: ApplyDeps): Promise<RegistryMirrorsApplyResult> {
  ctx.progress(0.05, { key: 'registry-validate' });
  let plan: Plan | undefined;
  try {
    plan = await deps.plan();
    const result = await applyPlan(ctx, deps, plan);
    logApplied(deps.logger, result);
    return result;
  } catch (error) {
    logNotApplied(deps.logger, plan?.situation.path, error);
    throw error;
  }
}

async function applyPlan(ctx: TaskContext, deps: ApplyDeps, plan: Plan): Promise<RegistryMirrorsApplyResult> {
  const s = plan.situation;
  if (plan.parseError) {
    const { line, column, message } = plan.parseError;
    throw new WharfError('invalid-input', `${s.path} does not parse (line ${line}, column ${column}: ${message}); it was left as it is`, { parseError: plan.parseError });
  }
  if (plan.currentHash !== deps.input.expectedHash) {
    throw new WharfError('conflict', `${s.path} changed since the plan was made: review the new plan`);
  }
  if (plan.conflicts.length > 0) {
    const flags = plan.conflicts.map((c) => c.flag).join(', ');
    throw new WharfError('conflict', `dockerd runs with ${flags}: the same setting in ${s.path} would make it refuse to start; nothing was changed`, { conflicts: plan.conflicts });
  }
  if (!plan.valid) throw new WharfError('invalid-input', 'some entries are not valid; nothing was changed', { mirrors: plan.mirrors, insecure: plan.insecure, engineValidation: plan.engineValidation });
  if (plan.unchanged) return { outcome: 'unchanged', path: s.path, via: plan.via, inEffect: (await currentSettings(deps)) ?? plan.wanted };
  if (s.way === 'commands') throw new WharfError('unsupported', 'Wharf cannot run commands as root here: run these yourself', { commands: plan.commands });

  const before = await currentSettings(deps);
  const parsed = parseDaemonJson(s.text ?? '');
  const original = parsed.ok ? registrySettingsOf(parsed.value) : undefined;
  const startedAt = deps.clock.now();
  const helperCall = plan.commands[0];
  const how: How = { restart: plan.via === 'restart', privateFile: plan.proxy?.privateFile === true };
  const written = s.way === 'helper' && helperCall ? await writeWithHelper(ctx, s, helperCall) : await writeOwnFiles(ctx, s, plan.newText, startedAt, how);
  try {
    return await verifyOrRollBack(ctx, deps, {
      s,
      written,
      before,
      original,
      startedAt,
      wanted: plan.wanted,
      ...(plan.expectedProxies ? { expectedProxies: plan.expectedProxies } : {}),
      ...(plan.verifyExtra ? { verifyExtra: plan.verifyExtra } : {}),
      how,
    });
  } finally {
    // Never leave the helper waiting, whatever went wrong above: its answer to a second verdict is the first one's.
    void written.helper?.decide('rollback').catch(() => undefined);
  }
}

interface Change {
  s: Situation;
  written: Written;
  /** The settings in effect before, and those of the original file. */
  before: RegistrySettings | undefined;
  original: RegistrySettings | undefined;
  startedAt: number;
  wanted: RegistrySettings;
  expectedProxies?: ExpectedProxies;
  /** What GET /info cannot show, checked once it shows the rest (a new container's log settings). */
  verifyExtra?: () => Promise<boolean>;
  how: How;
}

async function verifyOrRollBack(ctx: TaskContext, deps: ApplyDeps, c: Change): Promise<RegistryMirrorsApplyResult> {
  const { s, written, startedAt } = c;
  ctx.progress(0.65, { key: 'registry-verify' });
  const shown = written.failure === undefined ? await waitForSettings(deps, c.wanted, ctx.signal, c.expectedProxies) : { ok: false, seen: undefined };
  const verified = shown.ok && c.verifyExtra ? { ...shown, ok: await c.verifyExtra().catch(() => false) } : shown;
  let reason: RegistryMirrorsRollback['reason'] | undefined;
  if (verified.ok && verified.seen && !ctx.signal.aborted) {
    const kept = await written.helper?.decide('commit');
    if (kept) ctx.log([JSON.stringify(kept)]);
    if (kept === undefined || kept.verb === 'commit') {
      return { outcome: 'applied', path: s.path, ...(written.backupPath ? { backupPath: written.backupPath } : {}), via: c.how.restart ? 'restart' : 'reload', inEffect: verified.seen };
    }
    // The helper heard nothing in time and rolled back by itself.
    reason = 'not-confirmed';
  }

  // Roll back: the original file, then the engine back on it.
  const engineUp = (await currentSettings(deps)) !== undefined;
  reason ??= engineUp ? 'not-in-effect' : 'engine-down';
  const restoreError = await restore(ctx, s, written, engineUp, startedAt, c.how);
  ctx.progress(0.95, { key: 'registry-verify' });
  const target = c.before ?? c.original;
  // After a restart the proxy is back as it was too (a reload leaves it as the engine started with it).
  const back = target ? await waitForSettings(deps, target, ctx.signal, c.how.restart ? c.before?.proxies : undefined) : { ok: (await currentSettings(deps)) !== undefined, seen: undefined };
  const engineLog = importantLines(
    (await s.controller.logs?.(startedAt - 1000).catch((error: unknown) => {
      deps.logger.warn('daemon.json rollback: cannot read the engine log', { error });
      return [];
    })) ?? [],
  ).map(maskCredentials);
  ctx.log(engineLog);
  const rollback: RegistryMirrorsRollback = {
    rolledBack: true,
    reason,
    restored: back.ok && restoreError === undefined,
    ...(written.backupPath ? { backupPath: written.backupPath } : {}),
    engineLog,
    ...(back.seen ? { inEffect: back.seen } : {}),
  };
  const why =
    reason === 'engine-down'
      ? 'the engine did not come back'
      : reason === 'not-confirmed'
        ? 'the root helper heard no verdict from Wharf in time'
        : `the new values did not take effect${written.failure ? ` (${written.failure})` : ''}`;
  const state = rollback.restored
    ? 'the original daemon.json is restored and in effect'
    : `the original daemon.json could not be put back or the engine is not back yet${restoreError ? ` (${restoreError})` : ''}`;
  throw new WharfError('failed', `${why}: ${state}`, { rollback });
}
