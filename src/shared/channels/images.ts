/** Channels of the Images page; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import { FORMAT_MAX, type CliFormatText } from '../cli-format';
import type { ImageDetails } from '../image-details';
import type { RemovePlan } from '../image-remove';
import type { ImageDiskUsage, ImageList } from '../images';
import type { TaskInfo } from '../tasks';

const none = z.object({}).strict();

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

export const imageChannels = {
  /** `docker image ls [-a] [-f …]`: the same rows as the CLI, plus the containers using each image. */
  'images.list': out<ImageList>()(imageListInput),
  /** `docker image ls [-a] [--digests] [-f …] --format FORMAT`: the CLI's text byte for byte, or its template error. */
  'images.format': out<CliFormatText>()(
    z.object({ filters: imageListInput.shape.filters, all: z.boolean(), digests: z.boolean().optional(), format: z.string().max(FORMAT_MAX) }).strict(),
  ),
  /** Unique and shared size per image (GET /system/df); expensive, asked for on demand. */
  'images.diskUsage': out<ImageDiskUsage>()(none),
  /** The preview of a removal: what goes (untag or delete), what is blocked by containers, the space freed. */
  'images.removePlan': out<RemovePlan>()(z.object({ target: removeTarget }).strict()),
  /** Remove the confirmed items as a task (result: RemoveReport); an item whose ID changed since the plan is skipped. */
  'images.remove': out<TaskInfo<'image-remove'>>()(z.object({ items: z.array(removeItem).min(1).max(5000), force: z.boolean() }).strict()),
  /** `docker pull REF` as a task with per-layer progress (result: PullResult). */
  'images.pull': out<TaskInfo<'pull'>>()(
    z
      .object({
        reference: typedReference,
        /**
         * A prefix mirror to pull through (m.daocloud.io); null pulls from the registry itself; absent: the prefix saved
         * for the reference's registry, if any (registryMirrors.prefixes).
         */
        mirror: z.union([z.string().min(1).max(512).regex(/^[^\0\n\r]*$/), z.null()]).optional(),
      })
      .strict(),
  ),
  /** `docker push REF` as a task with per-layer progress (result: PushResult). */
  'images.push': out<TaskInfo<'push'>>()(z.object({ reference: typedReference }).strict()),
  /** `docker tag SOURCE TARGET`; answers the normalized target. */
  'images.tag': out<{ target: string }>()(z.object({ source: imageRefOrId, target: typedReference }).strict()),
  /** Inspect, history, layers shared with other images, containers, tags and digests. */
  'images.inspect': out<ImageDetails>()(z.object({ image: imageRefOrId }).strict()),
  /** `docker build` of a folder on this machine, as a task with its log (result: BuildResult). */
  'images.build': out<TaskInfo<'build'>>()(
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
  'images.save': out<TaskInfo<'image-save'>>()(z.object({ images: z.array(imageRefOrId).min(1).max(500), path: hostPath, overwrite: z.boolean() }).strict()),
  /** `docker load -i PATH` as a task (result: LoadResult). */
  'images.load': out<TaskInfo<'image-load'>>()(z.object({ path: hostPath }).strict()),
  /** `docker import PATH [REF]` of a rootfs tar, as a task (result: ImportResult). */
  'images.import': out<TaskInfo<'image-import'>>()(
    z.object({ path: hostPath, reference: typedReference.optional(), message: z.string().max(1024).optional() }).strict(),
  ),
} as const;
