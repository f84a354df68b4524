/**
 * The IPC contract: every channel, written once, with its zod input schema and its output type.
 * Main validates inputs against it; preload, web transport and the renderer's client are typed from it.
 */
import { z } from 'zod';
import { out } from './channel-def';
import { cleanupChannels } from './channels/cleanup';
import { containerChannels } from './channels/containers';
import { daemonConfigChannels } from './channels/daemon-config';
import { networkChannels } from './channels/networks';
import { registryChannels } from './channels/registries';
import { volumeChannels } from './channels/volumes';
import type { Diagnostics } from './diagnostics';
import type { DiskUsageSummary } from './disk-usage';
import type { EngineFacts, EngineStatus } from './engine';
import type { ImageDiskUsage, ImageList } from './images';
import type { ImageDetails } from './image-details';
import type { RemovePlan } from './image-remove';
import type { FixPlan, InstallGuide, SetupDiagnosis } from './setup';
import type { Envelope } from './errors';
import type { WharfEvent } from './events';
import type { StreamServerMessage } from './streams';
import type { TaskInfo, TaskLog } from './tasks';

export type { ChannelDef } from './channel-def';

const none = z.object({}).strict();
const taskId = z.string().regex(/^[a-z0-9-]{1,64}$/);
/** CLI-compatible `docker image ls` filters; values are passed to the engine as the CLI passes them. */
const imageRefOrId = z.string().min(1).max(512).regex(/^[^\s\0]+$/);
const imageListInput = z
  .object({
    filters: z
      .object({
        reference: z.array(z.string().min(1).max(512).regex(/^[^\s\0]+$/)).max(32).optional(),
        since: imageRefOrId.optional(),
        before: imageRefOrId.optional(),
        dangling: z.boolean().optional(),
        label: z.array(z.string().min(1).max(1024).regex(/^[^=\s\0][^\0]*$/)).max(32).optional(),
      })
      .strict(),
    all: z.boolean(),
  })
  .strict();
const hostPath = z.string().min(2).max(4096).regex(/^\/[^\0]*$/, 'an absolute path');
/** A reference as typed; the core parses it with the CLI's grammar (image-reference.ts) and explains what is wrong. */
const typedReference = z.string().min(1).max(512);
const removeTarget = z.union([
  z.object({ refs: z.array(imageRefOrId).min(1).max(5000) }).strict(),
  z.object({ filter: imageListInput }).strict(),
]);
const removeItem = z
  .object({ ref: imageRefOrId, id: z.string().regex(/^sha256:[0-9a-f]{64}$/), mode: z.enum(['untag', 'delete']) })
  .strict();
const fix = z.object({ fix: z.enum(['start-service', 'add-user-to-group']) }).strict();

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'web';
  platform: string;
}

export const contract = {
  'app.info': out<AppInfo>()(none),
  /** Settings → Diagnostics: versions, OS, engine and the log's last lines, to paste into a report. */
  'app.diagnostics': out<Diagnostics>()(none),
  /** Desktop only: open wharf.log's folder in the file manager ('unsupported' in web mode: it is on the server). */
  'app.openLogFolder': out<null>()(none),
  'engine.status': out<EngineStatus>()(none),
  /** Retry the connection now instead of waiting for the backoff. */
  'engine.reconnect': out<EngineStatus>()(none),
  'engine.facts': out<EngineFacts>()(none),
  'system.df': out<DiskUsageSummary>()(none),
  'tasks.list': out<TaskInfo[]>()(none),
  /** `docker image ls [-a] [-f …]`: the same rows as the CLI, plus the containers using each image. */
  'images.list': out<ImageList>()(imageListInput),
  /** Unique and shared size per image (GET /system/df); expensive, asked for on demand. */
  'images.diskUsage': out<ImageDiskUsage>()(none),
  /** The preview of a removal: what goes (untag or delete), what is blocked by containers, the space freed. */
  'images.removePlan': out<RemovePlan>()(z.object({ target: removeTarget }).strict()),
  /** Remove the confirmed items as a task (result: RemoveReport); an item whose ID changed since the plan is skipped. */
  'images.remove': out<TaskInfo>()(z.object({ items: z.array(removeItem).min(1).max(5000), force: z.boolean() }).strict()),
  /** `docker pull REF` as a task with per-layer progress (result: PullResult). */
  'images.pull': out<TaskInfo>()(z.object({ reference: typedReference }).strict()),
  /** `docker push REF` as a task with per-layer progress (result: PushResult). */
  'images.push': out<TaskInfo>()(z.object({ reference: typedReference }).strict()),
  /** `docker tag SOURCE TARGET`; answers the normalized target. */
  'images.tag': out<{ target: string }>()(z.object({ source: imageRefOrId, target: typedReference }).strict()),
  /** Inspect, history, layers shared with other images, containers, tags and digests. */
  'images.inspect': out<ImageDetails>()(z.object({ image: imageRefOrId }).strict()),
  /** `docker build` of a folder on this machine, as a task with its log (result: BuildResult). */
  'images.build': out<TaskInfo>()(
    z
      .object({
        contextDir: hostPath,
        dockerfile: z.string().min(1).max(1024).regex(/^[^\0]+$/),
        tags: z.array(typedReference).max(16),
        buildArgs: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string().max(4096)),
        noCache: z.boolean(),
        pull: z.boolean(),
      })
      .strict(),
  ),
  /** `docker save -o PATH IMAGE…` as a task (result: SaveResult). */
  'images.save': out<TaskInfo>()(z.object({ images: z.array(imageRefOrId).min(1).max(500), path: hostPath, overwrite: z.boolean() }).strict()),
  /** `docker load -i PATH` as a task (result: LoadResult). */
  'images.load': out<TaskInfo>()(z.object({ path: hostPath }).strict()),
  /** `docker import PATH [REF]` of a rootfs tar, as a task (result: ImportResult). */
  'images.import': out<TaskInfo>()(
    z.object({ path: hostPath, reference: typedReference.optional(), message: z.string().max(1024).optional() }).strict(),
  ),
  /** Every check of the setup wizard with its evidence; cheap, run on demand (never on a timer). */
  'setup.diagnose': out<SetupDiagnosis>()(none),
  /** The exact commands a fix runs as root, for the user to read first (and to copy when nothing can run them). */
  'setup.fixPlan': out<FixPlan>()(fix),
  /** Run a fix through the privilege runner, as a task. */
  'setup.fix': out<TaskInfo>()(fix),
  'setup.installGuide': out<InstallGuide>()(none),
  /** Desktop only: relaunch Wharf under the docker group (sg docker) so the new membership applies now. */
  'setup.relaunch': out<null>()(none),
  'tasks.cancel': out<TaskInfo>()(z.object({ id: taskId }).strict()),
  /** A task's output lines from `from` on (a build log). */
  'tasks.log': out<TaskLog>()(z.object({ id: taskId, from: z.number().int().min(0) }).strict()),
  // Larger areas keep their channels in src/shared/channels/<area>.ts.
  ...daemonConfigChannels,
  ...registryChannels,
  ...cleanupChannels,
  ...containerChannels,
  ...volumeChannels,
  ...networkChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The name of the single event channel (Electron IPC) — the only other name the transports share. */
export const EVENT_CHANNEL = 'wharf:event';
/** The Electron IPC channel prefix; a channel `engine.info` travels as `wharf:engine.info`. */
export const IPC_PREFIX = 'wharf:';

/** One function per channel: what the preload exposes as window.wharf.api and the web client implements. */
export type WharfApi = { [C in Channel]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>> };

/** Everything the preload exposes on window.wharf: the contract's methods, one event subscription, the stream ops. */
export interface WharfBridge {
  api: WharfApi;
  onEvent(listener: (event: WharfEvent) => void): () => void;
  streams: {
    open(sid: string, name: string, input: unknown): void;
    write(sid: string, data: unknown): void;
    close(sid: string): void;
    onMessage(listener: (message: StreamServerMessage) => void): () => void;
  };
}
