/** Channels of Compose projects; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import { COMPOSE_PROJECT_NAME, COMPOSE_SERVICE_NAME, type ComposeConfigResult, type ComposeDownPreview, type ComposeFolder, type ComposeList, type ComposePs, type ComposeTool } from '../compose';
import type { TaskInfo } from '../tasks';

/** An absolute path without NUL or a newline, not option-looking. */
const absolutePath = z.string().min(2).max(4096).regex(/^\/[^\0\n\r]*$/);
const project = z.string().regex(COMPOSE_PROJECT_NAME);
const services = z.array(z.string().regex(COMPOSE_SERVICE_NAME)).min(1).max(200);
const files = z.array(absolutePath).min(1).max(16);

export const composeChannels = {
  /** `docker compose ls [-a]`: projects from the containers' labels, started by Wharf or anywhere else, and opened folders. */
  'compose.list': out<ComposeList>()(z.object({ all: z.boolean() }).strict()),
  /** Which compose Wharf runs (plugin, standalone v2), or why none (not found, v1). */
  'compose.tool': out<ComposeTool>()(z.object({}).strict()),
  /** `docker compose -p NAME ps -a`: the project's containers. */
  'compose.ps': out<ComposePs>()(z.object({ project }).strict()),
  /** Desktop only: the OS's folder/file chooser; null when the user cancelled. Web mode answers unsupported. */
  'compose.pickPath': out<{ path: string | null }>()(z.object({}).strict()),
  /** Opens a folder or a compose file: its files, .env and overrides, validated by `docker compose config`; remembered. */
  'compose.open': out<ComposeFolder>()(z.object({ path: absolutePath }).strict()),
  /** Forgets an opened folder (files and containers stay). */
  'compose.forget': out<{ forgotten: boolean }>()(z.object({ workingDir: absolutePath }).strict()),
  /** `docker compose -f … config`: the normalised config, or the error with its file and line. */
  'compose.config': out<ComposeConfigResult>()(z.object({ files, workingDir: absolutePath }).strict()),
  /** Saves one file of an opened project atomically; refused when it changed on disk since `mtimeMs`. */
  'compose.save': out<{ mtimeMs: number }>()(z.object({ path: absolutePath, text: z.string().max(1_048_576), mtimeMs: z.number().min(0) }).strict()),
  /** `docker compose [-p NAME] -f … up -d [SERVICE…]` as a task: pulls and builds as needed. */
  'compose.up': out<TaskInfo<'compose'>>()(z.object({ project: project.optional(), files, workingDir: absolutePath, services: services.optional() }).strict()),
  /** What `down` would remove (`down --dry-run`): containers, networks, and with the choices, volumes and images. */
  'compose.downPreview': out<ComposeDownPreview>()(z.object({ project, volumes: z.boolean(), images: z.enum(['none', 'local', 'all']) }).strict()),
  /** `docker compose -p NAME down [-v] [--rmi local|all]` as a task. */
  'compose.down': out<TaskInfo<'compose'>>()(z.object({ project, volumes: z.boolean(), images: z.enum(['none', 'local', 'all']) }).strict()),
  /** start, stop, restart or pull of the project or some services, as a task. */
  'compose.action': out<TaskInfo<'compose'>>()(z.object({ project, action: z.enum(['start', 'stop', 'restart', 'pull']), services: services.optional() }).strict()),
} as const;
