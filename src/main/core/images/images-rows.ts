/**
 * Expands GET /images/json summaries into the rows `docker image ls --digests --no-trunc` prints
 * (docker/cli cli/command/formatter/image.go: isDangling, imageFormatTaggedAndDigest). Linear in tags + digests.
 */
import type { ImageRow } from '../../../shared/images';
import type { EngineContainerSummary, EngineImageSummary } from '../engine/engine-types';

/** One entry of GET /images/json, as far as the list uses it. */
type ImageListEntry = Pick<EngineImageSummary, 'Id' | 'ParentId' | 'RepoTags' | 'RepoDigests' | 'Created' | 'Size' | 'Labels'>;

export type ContainerUse = ImageRow['containers'];

const NONE = '<none>';
const HEX64 = /^[a-f0-9]{64}$/;
const DEFAULT_DOMAIN = 'docker.io';

/** The CLI's dangling test: no tags and no digests, or the old engines' `<none>:<none>` / `<none>@<none>` pair. */
export function isDanglingSummary(img: Pick<EngineImageSummary, 'RepoTags' | 'RepoDigests'>): boolean {
  const tags = img.RepoTags;
  const digests = img.RepoDigests;
  if (tags.length === 0 && digests.length === 0) return true;
  return tags.length === 1 && tags[0] === '<none>:<none>' && digests.length === 1 && digests[0] === '<none>@<none>';
}

/** An image without a tag: dangling unless another image is built on it (then it is an intermediate). */
function untagged(img: Pick<EngineImageSummary, 'RepoTags'>): boolean {
  return img.RepoTags.every((t) => t === '<none>:<none>');
}

/**
 * reference.FamiliarName(reference.ParseNormalizedNamed(name)) for a name without tag or digest;
 * undefined where ParseNormalizedNamed fails (the CLI then skips the reference).
 */
export function familiarName(name: string): string | undefined {
  if (name === '' || name.startsWith('<')) return undefined;
  const slash = name.indexOf('/');
  let domain = DEFAULT_DOMAIN;
  let path = name;
  if (slash !== -1) {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first;
      path = name.slice(slash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (path !== path.toLowerCase() || HEX64.test(path) || path === '' || !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) return undefined;
  if (domain !== DEFAULT_DOMAIN) return `${domain}/${path}`;
  return path.startsWith('library/') && !path.slice('library/'.length).includes('/') ? path.slice('library/'.length) : path;
}

/** "name:tag" → [familiar name, tag]; undefined when there is no tag or the name does not parse. */
export function splitTagged(ref: string): [string, string] | undefined {
  const at = ref.indexOf('@');
  const named = at === -1 ? ref : ref.slice(0, at);
  const colon = named.lastIndexOf(':');
  if (colon === -1 || colon < named.lastIndexOf('/')) return undefined;
  const name = familiarName(named.slice(0, colon));
  const tag = named.slice(colon + 1);
  if (name === undefined || !/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  return [name, tag];
}

/** "name[:tag]@sha256:…" → [familiar name, digest]; undefined when it is not canonical. */
export function splitDigested(ref: string): [string, string] | undefined {
  const at = ref.indexOf('@');
  if (at === -1) return undefined;
  let named = ref.slice(0, at);
  const digest = ref.slice(at + 1);
  if (!/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(digest)) return undefined;
  const colon = named.lastIndexOf(':');
  if (colon !== -1 && colon > named.lastIndexOf('/')) named = named.slice(0, colon);
  const name = familiarName(named);
  return name === undefined ? undefined : [name, digest];
}

/** Containers per image ID from one container list: running vs any other state, with their names. */
export function containersByImage(containers: ReadonlyArray<Pick<EngineContainerSummary, 'ImageID' | 'State' | 'Names'>>): Map<string, ContainerUse> {
  const byImage = new Map<string, ContainerUse>();
  for (const c of containers) {
    let use = byImage.get(c.ImageID);
    if (!use) {
      use = { running: 0, other: 0, names: [] };
      byImage.set(c.ImageID, use);
    }
    if (c.State === 'running') use.running++;
    else use.other++;
    for (const n of c.Names) use.names.push(n.startsWith('/') ? n.slice(1) : n);
  }
  return byImage;
}

const NO_CONTAINERS: ContainerUse = Object.freeze({ running: 0, other: 0, names: [] }) as ContainerUse;

/**
 * All rows, in the engine's image order; within an image, repositories in the order of their first reference.
 * `dangling`: the IDs the engine's dangling=true lists (untagged with no child), needed when the list has parents
 * (-a); null when it cannot have any, so every untagged image listed is dangling.
 */
export function expandImageRows(images: readonly ImageListEntry[], containers: ReadonlyMap<string, ContainerUse>, dangling: ReadonlySet<string> | null = null): ImageRow[] {
  const rows: ImageRow[] = [];
  for (const img of images) {
    const base = {
      id: img.Id,
      created: img.Created,
      size: img.Size,
      dangling: untagged(img) && (dangling === null || dangling.has(img.Id)),
      parentId: img.ParentId,
      labels: img.Labels,
      containers: containers.get(img.Id) ?? NO_CONTAINERS,
    };
    const add = (repository: string, tag: string, digest: string): void => {
      rows.push({ key: `${img.Id}|${repository}|${tag}|${digest}`, repository, tag, digest, ...base });
    };
    if (isDanglingSummary(img)) {
      add(NONE, NONE, NONE);
      continue;
    }
    const tagsByRepo = new Map<string, string[]>();
    const digestsByRepo = new Map<string, string[]>();
    for (const ref of img.RepoTags) {
      const parsed = splitTagged(ref);
      if (!parsed) continue;
      const list = tagsByRepo.get(parsed[0]);
      if (list) list.push(parsed[1]);
      else tagsByRepo.set(parsed[0], [parsed[1]]);
    }
    for (const ref of img.RepoDigests) {
      const parsed = splitDigested(ref);
      if (!parsed) continue;
      const list = digestsByRepo.get(parsed[0]);
      if (list) list.push(parsed[1]);
      else digestsByRepo.set(parsed[0], [parsed[1]]);
    }
    // A repository with tags: one row per tag and digest of that repository (a digest never gets its own row there).
    for (const [repo, tags] of tagsByRepo) {
      const digests = digestsByRepo.get(repo) ?? [];
      digestsByRepo.delete(repo);
      for (const tag of tags) {
        if (digests.length === 0) add(repo, tag, NONE);
        else for (const digest of digests) add(repo, tag, digest);
      }
    }
    // A repository known only by digest (its tag moved elsewhere): one row per digest, tag <none>.
    for (const [repo, digests] of digestsByRepo) for (const digest of digests) add(repo, NONE, digest);
  }
  return rows;
}
