/** The Images page's exports, byte for byte as the docker CLI prints them (`-q`, the default table) or as JSON. */
import type { ImageDiskUsage, ImageRow } from '../../../../shared/images';
import { imageSize } from '../../../../shared/units';
import { createdSince } from '../../../../shared/human-duration';

/** The CLI's truncated ID: the hex after "sha256:", 12 characters. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * Go's text/tabwriter as the CLI configures it (minwidth 10, padding 3, padchar ' '): each tab-terminated
 * cell is padded to its column's widest cell + 3 (at least 10); the last cell of a line is not padded.
 */
export function tabwrite(lines: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const cells of lines) {
    cells.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 10, [...cell].length + 3);
    });
  }
  return lines
    .map((cells) => cells.map((cell, i) => (i < cells.length - 1 ? cell + ' '.repeat((widths[i] ?? 10) - [...cell].length) : cell)).join(''))
    .map((line) => `${line}\n`)
    .join('');
}

/** `docker image ls [--digests]` as text: REPOSITORY TAG [DIGEST] IMAGE ID CREATED SIZE. */
export function tableText(rows: readonly ImageRow[], digests: boolean, nowMs: number): string {
  const header = ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'];
  const body = rows.map((r) => [r.repository, r.tag, ...(digests ? [r.digest] : []), shortId(r.id), createdSince(r.created, nowMs), imageSize(r.size)]);
  return tabwrite([header, ...body]);
}

/** `docker image ls -q`: one truncated ID per row, duplicates included (an image with two tags prints twice). */
export function idsText(rows: readonly ImageRow[]): string {
  return rows.map((r) => `${shortId(r.id)}\n`).join('');
}

/** The rows as JSON, with real disk use where it was measured. */
export function jsonText(rows: readonly ImageRow[], usage: ImageDiskUsage | null): string {
  return `${JSON.stringify(
    rows.map((r) => {
      const u = usage?.images[r.id];
      return {
        id: r.id,
        repository: r.repository,
        tag: r.tag,
        digest: r.digest,
        created: new Date(r.created * 1000).toISOString(),
        size: r.size,
        ...(u ? { uniqueSize: u.uniqueSize, sharedSize: u.sharedSize } : {}),
        dangling: r.dangling,
        labels: r.labels,
        containers: r.containers,
      };
    }),
    null,
    2,
  )}\n`;
}
