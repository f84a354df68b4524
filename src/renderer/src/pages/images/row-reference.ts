import type { ImageRow } from '../../../../shared/images';

/**
 * How the CLI would name this row's image: repo:tag, else repo@digest, else the full ID
 * (what `docker image rm`, `docker tag` or `docker save` are given for it).
 */
export function rowReference(row: ImageRow): string {
  if (row.repository !== '<none>' && row.tag !== '<none>') return `${row.repository}:${row.tag}`;
  if (row.repository !== '<none>' && row.digest !== '<none>') return `${row.repository}@${row.digest}`;
  return row.id;
}

/** The row's repo:tag when it has one (tag and push need a name). */
export function rowTagged(row: ImageRow): string | null {
  return row.repository !== '<none>' && row.tag !== '<none>' ? `${row.repository}:${row.tag}` : null;
}
