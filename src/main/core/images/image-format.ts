/**
 * `docker image ls [-a] [--digests] [-f …] --format FORMAT` as the CLI (v28) prints it: its rows
 * (formatter/image.go imageFormat), its fields (imageContext) and its errors, over GET /images/json.
 */
import { goStruct, type GoValue } from '../cli-format/go-template';
import { createdSince } from '../../../shared/human-duration';
import { humanSize, imageSize } from '../../../shared/units';
import { headerContext, isTableFormat, marshalStringMap, renderFormat, type CliFormatAnswer } from '../cli-format/cli-format';
import { goTimeString } from '../cli-format/go-time';
import type { EngineImageSummary } from '../engine/engine-types';
import { isDanglingSummary, splitDigested, splitTagged } from './images-rows';

const DEFAULT_TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const DEFAULT_TABLE_DIGESTS = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const RAW = 'repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';
const RAW_DIGESTS = 'repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';

const HEADERS: Record<string, string> = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

export interface ImageFormatOptions {
  /** As typed after --format; '' is the CLI's default table. */
  format: string;
  digests: boolean;
}

/** NewImageFormat: the format the CLI really runs for what was typed. */
export function effectiveImageFormat({ format, digests }: ImageFormatOptions): string {
  if (format === '' || format === 'table') return digests ? DEFAULT_TABLE_DIGESTS : DEFAULT_TABLE;
  if (format === 'raw') return digests ? RAW_DIGESTS : RAW;
  if (isTableFormat(format) && digests && !format.includes('{{.Digest}}')) return `${format}\\t{{.Digest}}`;
  return format;
}

interface CliImageRow {
  image: EngineImageSummary;
  repo: string;
  tag: string;
  digest: string;
}

/** imageFormat + imageFormatTaggedAndDigest: the rows, with `<none>` where the CLI prints it. */
export function cliImageRows(images: readonly EngineImageSummary[], digestFlag: boolean, format: string): CliImageRow[] {
  const needDigest = digestFlag || format.includes('{{.Digest}}');
  const rows: CliImageRow[] = [];
  for (const image of images) {
    const add = (repo: string, tag: string, digest: string): void => void rows.push({ image, repo, tag, digest });
    if (isDanglingSummary(image)) {
      add('<none>', '<none>', '<none>');
      continue;
    }
    const tags = new Map<string, string[]>();
    const digests = new Map<string, string[]>();
    const collect = (into: Map<string, string[]>, parsed: [string, string] | undefined): void => {
      if (parsed) into.set(parsed[0], [...(into.get(parsed[0]) ?? []), parsed[1]]);
    };
    for (const ref of image.RepoTags) collect(tags, splitTagged(ref));
    for (const ref of image.RepoDigests) collect(digests, splitDigested(ref));
    for (const [repo, repoTags] of tags) {
      const repoDigests = needDigest ? (digests.get(repo) ?? []) : [];
      digests.delete(repo);
      for (const tag of repoTags) {
        if (repoDigests.length === 0) add(repo, tag, '<none>');
        else for (const digest of repoDigests) add(repo, tag, digest);
      }
    }
    // A repository known only by digest: a row per digest with --digests, else one row with an empty digest.
    for (const [repo, repoDigests] of digests) {
      if (digestFlag) for (const digest of repoDigests) add(repo, '<none>', digest);
      else add(repo, '<none>', '');
    }
  }
  return rows;
}

/** stringid.TruncateID: the part after the algorithm, 12 characters. */
export function truncateId(id: string): string {
  const colon = id.indexOf(':');
  return (colon === -1 ? id : id.slice(colon + 1)).slice(0, 12);
}

/** The fields of one row, as the CLI's imageContext methods return them. */
function imageFields(row: CliImageRow, nowMs: number): Record<string, string> {
  const { image } = row;
  return {
    ID: truncateId(image.Id),
    Repository: row.repo,
    Tag: row.tag,
    Digest: row.digest,
    CreatedSince: createdSince(image.Created, nowMs),
    CreatedAt: goTimeString(image.Created),
    Size: imageSize(image.Size),
    Containers: image.Containers === -1 ? 'N/A' : String(image.Containers),
    VirtualSize: humanSize(image.Size),
    SharedSize: image.SharedSize === -1 ? 'N/A' : humanSize(image.SharedSize),
    UniqueSize: image.Size === -1 || image.SharedSize === -1 ? 'N/A' : humanSize(image.Size - image.SharedSize),
  };
}

function imageContext(row: CliImageRow, nowMs: number): GoValue {
  const fields = imageFields(row, nowMs);
  return goStruct(
    '*formatter.imageContext',
    { ...fields, Header: null, FullHeader: () => null },
    () => marshalStringMap(fields),
  );
}

/** The text `docker image ls --format` prints for these images (as GET /images/json listed them), or its error. */
export function formatImages(images: readonly EngineImageSummary[], options: ImageFormatOptions, nowMs: number): CliFormatAnswer {
  const format = effectiveImageFormat(options);
  const rows = cliImageRows(images, options.digests, format).map((row) => imageContext(row, nowMs));
  return renderFormat(format, rows, headerContext(HEADERS));
}
