/** The `docker image ls` command line for a filter set, shown until the core's own answer arrives. */
import type { ImageListInput } from '../../../../shared/images';

export function listCommand(input: ImageListInput): string[] {
  const argv = ['docker', 'image', 'ls'];
  if (input.all) argv.push('-a');
  const f = input.filters;
  for (const r of f.reference ?? []) argv.push('-f', `reference=${r}`);
  if (f.since) argv.push('-f', `since=${f.since}`);
  if (f.before) argv.push('-f', `before=${f.before}`);
  if (f.dangling !== undefined) argv.push('-f', `dangling=${String(f.dangling)}`);
  for (const l of f.label ?? []) argv.push('-f', `label=${l}`);
  return argv;
}

/** The command the page shows: the listing's argv plus the display-only `--digests`. */
export function shownCommand(argv: readonly string[], digests: boolean): string[] {
  return digests && !argv.includes('--digests') ? [...argv, '--digests'] : [...argv];
}
