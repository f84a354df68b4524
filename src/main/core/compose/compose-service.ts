/**
 * Compose projects: listed from the engine's labels (and folders the user opened), acted on by the compose tool
 * itself (`docker compose …`, argv only), so a project started in a terminal and one started in Wharf are the same
 * thing. Every action is a task whose log starts with the command, then compose's own output; its result says per
 * service what happened, read back from the engine after compose ended (not guessed from compose's words).
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  COMPOSE_LABELS,
  type ComposeConfigResult,
  type ComposeContainer,
  type ComposeDownPreview,
  type ComposeFolder,
  type ComposeList,
  type ComposePs,
  type ComposeRunResult,
  type ComposeServiceOutcome,
  type ComposeTool,
} from '../../../shared/compose';
import type { EngineEndpoint } from '../../../shared/engine';
import type { TaskInfo } from '../../../shared/tasks';
import type { EngineApi } from '../engine/engine-api';
import type { EngineContainerSummary } from '../engine/engine-types';
import { WharfError } from '../errors';
import type { TaskContext, TaskManager } from '../tasks/task-manager';
import { PLAIN_OUTPUT, composeEnv, displayCommand, projectArgs, type ProjectTarget } from './compose-command';
import { configErrorOf, dryRunRemovals, messageFor } from './compose-output';
import { projectFilesAt, readDocument, readDocuments, saveDocument } from './compose-files';
import { forgetOpened, openedFile, readOpened, rememberOpened } from './compose-opened';
import { projectsOf } from './compose-projects';
import { runCompose, type ComposeRun } from './compose-runner';
import { findComposeTool } from './compose-tool';

export interface ComposeDeps {
  engine: EngineApi;
  tasks: TaskManager;
  env: Record<string, string | undefined>;
  home: string;
  /** The engine compose must talk to (the session's). */
  engineName: string;
  endpoint: EngineEndpoint;
  /** Desktop only: the OS's chooser. */
  pickPath?: () => Promise<string | null>;
}

export type ComposeAction = 'start' | 'stop' | 'restart' | 'pull';
type RunnableTool = Extract<ComposeTool, { kind: 'plugin' | 'standalone' }>;

/** Where compose runs when it acts by project name only: a folder with no compose file (compose looks in the cwd). */
const NEUTRAL_CWD = '/';
/** Output lines kept in a failed task's details. */
const DETAIL_LINES = 60;

export interface ComposeService {
  list(all: boolean): Promise<ComposeList>;
  tool(): Promise<ComposeTool>;
  ps(project: string): Promise<ComposePs>;
  pickPath(): Promise<{ path: string | null }>;
  open(path: string): Promise<ComposeFolder>;
  forget(workingDir: string): Promise<{ forgotten: boolean }>;
  config(files: string[], workingDir: string): Promise<ComposeConfigResult>;
  save(path: string, text: string, mtimeMs: number): Promise<{ mtimeMs: number }>;
  up(input: { project?: string; files: string[]; workingDir: string; services?: string[] }): Promise<TaskInfo<'compose'>>;
  downPreview(input: { project: string; volumes: boolean; images: 'none' | 'local' | 'all' }): Promise<ComposeDownPreview>;
  down(input: { project: string; volumes: boolean; images: 'none' | 'local' | 'all' }): Promise<TaskInfo<'compose'>>;
  action(input: { project: string; action: ComposeAction; services?: string[] }): Promise<TaskInfo<'compose'>>;
}

function splitFiles(configFiles: string): string[] {
  return configFiles.split(',').filter((f) => f !== '');
}

/** The project name compose gives a folder without a `name:`: lowercase, only [a-z0-9_-], no leading - or _. */
export function normalizedProjectName(folder: string): string {
  return basename(folder)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

export function createComposeService(deps: ComposeDeps): ComposeService {
  const env = composeEnv(deps.env, { name: deps.engineName, endpoint: deps.endpoint });
  const remembered = openedFile(deps.env, deps.home);
  let found: RunnableTool | undefined;
  // Remembering is read-modify-write: one at a time.
  let rememberChain: Promise<unknown> = Promise.resolve();

  const tool = async (): Promise<ComposeTool> => {
    const answer = await findComposeTool(deps.env, deps.home);
    found = answer.kind === 'plugin' || answer.kind === 'standalone' ? answer : undefined;
    return answer;
  };
  const runnable = async (): Promise<RunnableTool> => {
    if (found) return found;
    const answer = await tool();
    if (answer.kind === 'v1') throw new WharfError('unsupported', `docker-compose ${answer.version} (Compose v1) is not supported; install Compose v2 (docker compose)`, { reason: 'compose-v1', tool: answer });
    if (answer.kind === 'none') throw new WharfError('unsupported', 'docker compose is not installed: neither the docker CLI plugin nor a docker-compose v2 binary was found', { reason: 'no-compose', tool: answer });
    return answer as RunnableTool;
  };
  const run = async (args: string[], options: { cwd?: string; signal?: AbortSignal; onLine?: (line: string) => void; keepStdout?: number } = {}): Promise<ComposeRun & { command: string[] }> => {
    const t = await runnable();
    const [file, ...pre] = t.command;
    const result = await runCompose({
      file: file ?? 'docker',
      args: [...pre, ...PLAIN_OUTPUT, ...args],
      env,
      cwd: options.cwd ?? NEUTRAL_CWD,
      signal: options.signal,
      onLine: options.onLine ? (line) => options.onLine?.(line) : undefined,
      keepStdout: options.keepStdout,
    });
    return { ...result, command: displayCommand(t.kind, args) };
  };

  const projectContainers = (name: string): Promise<EngineContainerSummary[]> =>
    deps.engine.listContainers({ all: true, filters: JSON.stringify({ label: [`${COMPOSE_LABELS.project}=${name}`] }) });

  const listOpened = () => readOpened(remembered);

  /** Files of opened projects: the only ones compose.save writes. */
  const editable = async (): Promise<Set<string>> => {
    const paths = new Set<string>();
    for (const entry of await listOpened()) {
      for (const file of entry.files) paths.add(file);
      paths.add(`${entry.workingDir}/.env`);
    }
    return paths;
  };

  /** The project's files when every one is still on this machine (an adopted project), else by name only. */
  const targetOf = async (project: string): Promise<ProjectTarget & { filesHere: boolean }> => {
    const containers = await projectContainers(project);
    const labels = containers[0]?.Labels ?? {};
    const files = splitFiles(labels[COMPOSE_LABELS.configFiles] ?? '');
    const workingDir = labels[COMPOSE_LABELS.workingDir] ?? '';
    if (files.length > 0 && files.every((f) => existsSync(f)) && workingDir !== '' && existsSync(workingDir)) return { name: project, files, workingDir, filesHere: true };
    const opened = (await listOpened()).find((o) => o.name === project && o.files.every((f) => existsSync(f)));
    if (opened) return { name: project, files: opened.files, workingDir: opened.workingDir, filesHere: true };
    return { name: project, filesHere: false };
  };

  const config = async (files: string[], workingDir: string): Promise<ComposeConfigResult> => {
    const args = [...projectArgs({ files, workingDir }), 'config'];
    const result = await run(args, { cwd: workingDir, keepStdout: 8 * 1_048_576 });
    if (result.code === 0) {
      const parsed = (parseYaml(result.stdout) ?? {}) as { name?: unknown; services?: Record<string, unknown> };
      return { ok: true, name: typeof parsed.name === 'string' ? parsed.name : normalizedProjectName(workingDir), services: Object.keys(parsed.services ?? {}), yaml: result.stdout, command: result.command };
    }
    const sources = await Promise.all(files.map(async (path) => ({ path, text: await readDocument(path, 'compose').then((d) => d.text).catch(() => '') })));
    const place = configErrorOf(result.tail, sources);
    return { ok: false, ...place, output: result.tail.slice(-DETAIL_LINES).join('\n'), command: result.command };
  };

  /**
   * Runs a compose command as a task: the command first in its log, then compose's lines; afterwards each service's
   * outcome from the engine; a non-zero exit or a failed service fails the task with compose's words in its details.
   */
  const composeTask = (
    target: string,
    args: string[],
    cwd: string,
    outcomes: (run: ComposeRun) => Promise<ComposeServiceOutcome[]>,
  ): Promise<TaskInfo<'compose'>> =>
    runnable().then((t) =>
      deps.tasks.start({ kind: 'compose', target, cancellable: true }, async (ctx: TaskContext): Promise<ComposeRunResult> => {
        const shown = displayCommand(t.kind, args);
        ctx.log([`$ ${shown.join(' ')}`]);
        const result = await run(args, { cwd, signal: ctx.signal, onLine: (line) => ctx.log([line]) });
        if (result.cancelled || ctx.signal.aborted) throw new WharfError('cancelled', `${shown.join(' ')} was cancelled`);
        const services = await outcomes(result);
        const failed = services.filter((s) => s.state === 'failed');
        if (result.code !== 0 || failed.length > 0) {
          const last = [...result.tail].reverse().find((l) => l.trim() !== '') ?? `exit code ${String(result.code)}`;
          throw new WharfError('failed', `${shown.join(' ')} failed: ${last.trim()}`, { compose: { command: shown, services, output: result.tail.slice(-DETAIL_LINES).join('\n'), exitCode: result.code } });
        }
        return { command: shown, services };
      }),
    );

  /** After compose ended: for each service, did its containers reach the state the action wanted? */
  const outcomesBy =
    (project: string, services: readonly string[], wanted: 'running' | 'stopped' | 'gone') =>
    async (result: ComposeRun): Promise<ComposeServiceOutcome[]> => {
      const containers = await projectContainers(project);
      const errorLines = result.tail.filter((l) => /error|failed/i.test(l));
      return services.map((service) => {
        const own = containers.filter((c) => c.Labels[COMPOSE_LABELS.service] === service && c.Labels[COMPOSE_LABELS.oneoff] !== 'True');
        const names = own.map((c) => (c.Names[0] ?? '').replace(/^\//, ''));
        const ok =
          wanted === 'gone' ? own.length === 0 : wanted === 'stopped' ? own.every((c) => c.State !== 'running') : own.length > 0 && own.every((c) => c.State === 'running');
        if (ok) return { service, state: 'done' };
        const message = messageFor(service, names, result.tail) ?? (result.code !== 0 ? errorLines.at(-1)?.trim() : undefined);
        return message ? { service, state: 'failed', message } : { service, state: 'failed' };
      });
    };

  const servicesOf = async (project: string): Promise<string[]> => {
    const names = new Set((await projectContainers(project)).filter((c) => c.Labels[COMPOSE_LABELS.oneoff] !== 'True').map((c) => c.Labels[COMPOSE_LABELS.service] ?? ''));
    return [...names].filter((n) => n !== '').sort();
  };

  const downArgs = (input: { project: string; volumes: boolean; images: 'none' | 'local' | 'all' }): string[] => [
    '-p',
    input.project,
    'down',
    ...(input.volumes ? ['-v'] : []),
    ...(input.images !== 'none' ? ['--rmi', input.images] : []),
  ];

  return {
    async list(all) {
      const containers = await deps.engine.listContainers({ all: true, filters: JSON.stringify({ label: [COMPOSE_LABELS.project] }) });
      // Without -a, `docker compose ls` looks at running containers only: the projects, their status and counts are theirs.
      const projects = projectsOf(all ? containers : containers.filter((c) => c.State === 'running'), (file) => existsSync(file));
      return { projects, opened: await listOpened(), command: ['docker', 'compose', 'ls', ...(all ? ['-a'] : [])] };
    },
    tool,
    async ps(project) {
      const args = ['-p', project, 'ps', '-a', '--format', 'json'];
      const result = await run(args, { keepStdout: 8 * 1_048_576 });
      if (result.code !== 0) throw new WharfError('failed', `${result.command.join(' ')} failed: ${result.tail.at(-1) ?? ''}`, { compose: { command: result.command, output: result.tail.join('\n') } });
      return { project, containers: psRows(result.stdout), command: ['docker', 'compose', '-p', project, 'ps', '-a'] };
    },
    async pickPath() {
      if (!deps.pickPath) throw new WharfError('unsupported', 'choosing a folder needs the desktop app; type the path instead', { reason: 'web-mode' });
      return { path: await deps.pickPath() };
    },
    async open(path) {
      const files = await projectFilesAt(path);
      const documents = await readDocuments(files);
      const checked = await config(files.files, files.workingDir);
      const name = checked.ok ? checked.name : normalizedProjectName(files.workingDir);
      const remember = rememberChain.then(() => rememberOpened(remembered, { name, workingDir: files.workingDir, files: files.files }));
      rememberChain = remember.catch(() => undefined);
      await remember;
      return { name, workingDir: files.workingDir, documents, config: checked };
    },
    async forget(workingDir) {
      const forgotten = rememberChain.then(() => forgetOpened(remembered, workingDir));
      rememberChain = forgotten.catch(() => undefined);
      return { forgotten: await forgotten };
    },
    config,
    async save(path, text, mtimeMs) {
      return saveDocument(path, text, mtimeMs, await editable());
    },
    async up(input) {
      const checked = await config(input.files, input.workingDir);
      if (!checked.ok) throw new WharfError('invalid-input', checked.message, { field: 'files', config: checked });
      const name = input.project ?? checked.name;
      const args = [...projectArgs({ name, files: input.files, workingDir: input.workingDir }), 'up', '-d', ...(input.services ?? [])];
      return composeTask(`${name}: up`, args, input.workingDir, outcomesBy(name, input.services ?? checked.services, 'running'));
    },
    async downPreview(input) {
      const args = downArgs(input);
      const result = await run([...args, '--dry-run']);
      const containers = await projectContainers(input.project);
      let found = dryRunRemovals(result.tail);
      if (result.code !== 0 || found.containers.length + found.networks.length === 0) found = await fromLabels(deps.engine, input.project, containers, input);
      const inProject = new Set(containers.map((c) => c.Id));
      const elsewhere = (await deps.engine.listContainers({ all: true })).filter((c) => !inProject.has(c.Id));
      const imagesInUseElsewhere = found.images.filter((image) => elsewhere.some((c) => c.Image === image || c.ImageID === image));
      return {
        project: input.project,
        containers: found.containers,
        networks: found.networks,
        volumes: input.volumes ? found.volumes : [],
        images: input.images !== 'none' ? found.images : [],
        imagesInUseElsewhere,
        command: displayCommand((await runnable()).kind, args),
      };
    },
    async down(input) {
      const services = await servicesOf(input.project);
      return composeTask(`${input.project}: down`, downArgs(input), NEUTRAL_CWD, outcomesBy(input.project, services, 'gone'));
    },
    async action(input) {
      const target = await targetOf(input.project);
      if (input.action === 'pull' && !target.filesHere)
        throw new WharfError('unsupported', `the compose files of ${input.project} are not on this machine; pull needs them`, { reason: 'files-gone' });
      const services = input.services ?? (await servicesOf(input.project));
      const args = [...projectArgs(input.action === 'pull' ? target : { name: input.project }), input.action, ...(input.services ?? [])];
      const cwd = input.action === 'pull' && target.workingDir ? target.workingDir : NEUTRAL_CWD;
      const outcomes =
        input.action === 'pull'
          ? async (result: ComposeRun): Promise<ComposeServiceOutcome[]> => pullOutcomes(input.services ?? [], result)
          : outcomesBy(input.project, services, input.action === 'stop' ? 'stopped' : 'running');
      return composeTask(`${input.project}: ${input.action}`, args, cwd, outcomes);
    },
  };
}

/** `docker compose ps -a --format json`: one JSON object per line (2.21+), or one array (older v2). */
export function psRows(stdout: string): ComposeContainer[] {
  const trimmed = stdout.trim();
  if (trimmed === '') return [];
  const raw: unknown[] = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown[]) : trimmed.split('\n').map((l) => JSON.parse(l) as unknown);
  return raw.map((r) => {
    const row = r as Record<string, unknown>;
    const text = (key: string): string => (typeof row[key] === 'string' ? (row[key] as string) : '');
    return {
      id: text('ID'),
      name: text('Name'),
      service: text('Service'),
      image: text('Image'),
      state: text('State'),
      status: text('Status'),
      ports: text('Ports'),
      exitCode: typeof row.ExitCode === 'number' ? row.ExitCode : 0,
    };
  });
}

/** " web Pulled" / " web Error …": each service's line in a plain pull's output. */
function pullOutcomes(asked: readonly string[], result: ComposeRun): ComposeServiceOutcome[] {
  const seen = new Map<string, ComposeServiceOutcome>();
  for (const line of result.tail) {
    const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s+(Pulled|Skipped|Error|Warning)\b\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, service = '', word, rest] = match;
    if (word === 'Error') seen.set(service, { service, state: 'failed', message: rest?.trim() || line.trim() });
    else if (!seen.has(service) || seen.get(service)?.state !== 'failed') seen.set(service, { service, state: 'done' });
  }
  for (const service of asked) if (!seen.has(service)) seen.set(service, result.code === 0 ? { service, state: 'done' } : { service, state: 'failed' });
  return [...seen.values()].sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
}

/** When compose cannot say (no dry-run), the engine's labels name the same objects `down` removes. */
async function fromLabels(
  engine: EngineApi,
  project: string,
  containers: readonly EngineContainerSummary[],
  input: { volumes: boolean; images: 'none' | 'local' | 'all' },
): Promise<{ containers: string[]; networks: string[]; volumes: string[]; images: string[] }> {
  const label = (labels: Record<string, string> | null | undefined): boolean => labels?.[COMPOSE_LABELS.project] === project;
  const networks = (await engine.listNetworks()).filter((n) => label(n.Labels)).map((n) => n.Name);
  const volumes = input.volumes ? (await engine.listVolumes()).filter((v) => label(v.Labels)).map((v) => v.Name) : [];
  const images = input.images === 'all' ? [...new Set(containers.map((c) => c.Image))] : [];
  return { containers: containers.map((c) => (c.Names[0] ?? '').replace(/^\//, '')), networks, volumes, images };
}
