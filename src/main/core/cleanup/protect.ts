/**
 * The protect list, pure: an image is protected when one of its references matches a glob (`*` any run of
 * characters, `?` one) or when it carries a label named by `label=key` or `label=key=value`.
 */

export interface ProtectSubject {
  tags: readonly string[];
  labels: Readonly<Record<string, string>>;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** "repo" of "repo:tag" (a registry port's colon is before the last slash). */
function repositoryOf(tag: string): string {
  const colon = tag.lastIndexOf(':');
  return colon > tag.lastIndexOf('/') ? tag.slice(0, colon) : tag;
}

export function compileProtect(patterns: readonly string[]): (subject: ProtectSubject) => boolean {
  const matchers = patterns
    .map((p) => p.trim())
    .filter(Boolean)
    .map((pattern): ((s: ProtectSubject) => boolean) => {
      if (pattern.startsWith('label=')) {
        const [key = '', ...rest] = pattern.slice('label='.length).split('=');
        const value = rest.length > 0 ? rest.join('=') : undefined;
        return (s) => key in s.labels && (value === undefined || s.labels[key] === value);
      }
      const re = globToRegExp(pattern);
      // `myapp` protects every tag of myapp, as `docker image ls myapp` lists them.
      return (s) => s.tags.some((t) => re.test(t) || re.test(repositoryOf(t)));
    });
  return (subject) => matchers.some((m) => m(subject));
}

/** The CLI's nearest filters for the label part of the protect list (`docker image prune --filter label!=…`). */
export function labelFilters(patterns: readonly string[]): string[] {
  return patterns.filter((p) => p.trim().startsWith('label=')).map((p) => `label!=${p.trim().slice('label='.length)}`);
}
