/** Channels of the Containers page; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import { FORMAT_MAX, type CliFormatText } from '../cli-format';
import { CONTAINER_ACTIONS, type ContainerDetails, type ContainerList, type RunPlan } from '../container-list';
import type { LogUsage } from '../container-logs';
import type { TaskInfo } from '../tasks';
import { OBJECT_REF } from '../engine-names';

/** A full or short ID, or a name (the engine resolves either). */
const containerRef = z.string().min(1).max(256).regex(OBJECT_REF);
const text = (max: number) => z.string().max(max).regex(/^[^\0]*$/);
/** The Run dialog's form as typed; its rules (container-run.ts) explain what is wrong field by field. */
const runSpec = z
  .object({
    image: text(512),
    name: text(256),
    command: text(8192),
    entrypoint: text(1024),
    ports: z
      .array(z.object({ hostIp: text(64), hostPort: text(16), containerPort: text(16), protocol: z.enum(['tcp', 'udp', 'sctp']) }).strict())
      .max(256),
    volumes: z.array(z.object({ source: text(4096), target: text(4096), readOnly: z.boolean() }).strict()).max(256),
    env: z.array(text(32768)).max(1024),
    envFile: text(4096),
    restart: z.enum(['no', 'always', 'unless-stopped', 'on-failure']),
    restartRetries: text(16),
    network: text(256),
    labels: z.array(text(8192)).max(1024),
    autoRemove: z.boolean(),
    memory: text(32),
    cpus: text(32),
    start: z.boolean(),
  })
  .strict();

export const containerChannels = {
  /** `docker ps [-a]`: the same rows as the CLI, with ports, health and compose project. */
  'containers.list': out<ContainerList>()(z.object({ all: z.boolean() }).strict()),
  /** `docker ps [-a] --format FORMAT`: the CLI's text byte for byte, or its template error. */
  'containers.format': out<CliFormatText>()(z.object({ all: z.boolean(), format: z.string().max(FORMAT_MAX) }).strict()),
  /** start/stop/restart/pause/unpause/kill/remove of one or many, as a task with per-item results. */
  'containers.action': out<TaskInfo<'container-action'>>()(
    z
      .object({
        ids: z.array(containerRef).min(1).max(5000),
        action: z.enum(CONTAINER_ACTIONS),
        timeout: z.number().int().min(0).max(3600).optional(),
        removeVolumes: z.boolean().optional(),
        force: z.boolean().optional(),
      })
      .strict(),
  ),
  /** `docker inspect` with the parts the details dialog shows. */
  'containers.inspect': out<ContainerDetails>()(z.object({ id: containerRef }).strict()),
  /** `docker rename`. */
  'containers.rename': out<null>()(z.object({ id: containerRef, name: text(256) }).strict()),
  /** The Run dialog's check: problems per field (with the engine's: image present, network, env file) and the command. */
  'containers.runPlan': out<RunPlan>()(z.object({ spec: runSpec }).strict()),
  /** `docker run -d` / `docker create` of a valid spec; answers the new container's ID. Never pulls. */
  'containers.run': out<{ id: string }>()(z.object({ spec: runSpec }).strict()),
  /** The size of each container's log files (json-file, local; other drivers keep none), measured through the engine. */
  'containers.logUsage': out<LogUsage>()(z.object({ ids: z.array(containerRef).min(1).max(5000).optional() }).strict()),
  /** Truncates the chosen containers' log files to zero (task 'container-logs-truncate'); they keep running. */
  'containers.truncateLogs': out<TaskInfo<'container-logs-truncate'>>()(z.object({ ids: z.array(containerRef).min(1).max(5000) }).strict()),
  /** The networks a container can join (GET /networks), by name. */
  'containers.networks': out<string[]>()(z.object({}).strict()),
} as const;
