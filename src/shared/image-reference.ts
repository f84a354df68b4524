/**
 * Image references as the docker CLI reads them (github.com/distribution/reference: regexp.go, normalize.go).
 * Pure: the renderer validates with it while the user types, the core before it calls the engine.
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] path-component ["/" path-component]*
 *   domain    := host [":" port]      host := domain-name | "[" IPv6 "]"
 */

export interface ParsedReference {
  /** Registry host (and port); docker.io when the reference names none. */
  domain: string;
  /** Repository path inside the registry, e.g. library/busybox. */
  path: string;
  tag?: string;
  /** algorithm:hex, e.g. sha256:… */
  digest?: string;
  /** True when the input had neither tag nor digest and `latest` was added (like `docker pull`). */
  tagDefaulted: boolean;
  /** How docker prints it: busybox:latest, localhost:5000/a/b:1. */
  familiar: string;
  /** Fully qualified: docker.io/library/busybox:latest. */
  canonical: string;
}

export type ReferenceProblem = 'empty' | 'uppercase' | 'invalid-format' | 'name-too-long' | 'invalid-tag' | 'invalid-digest';

export type ReferenceParse = { ok: true; value: ParsedReference } | { ok: false; problem: ReferenceProblem };

export const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
/** The CLI's limit for the repository path (library/ included, registry host not). */
export const NAME_TOTAL_LENGTH_MAX = 255;

const alphaNumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|${ipv6Address})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const namePattern = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const referenceRe = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const nameRe = new RegExp(`^${namePattern}$`);
const tagRe = new RegExp(`^${tagPattern}$`);
const digestRe = new RegExp(`^${digestPattern}$`);
const identifierRe = /^[a-f0-9]{64}$/;
/** Algorithms the engine can verify, with their hex length (github.com/opencontainers/go-digest). */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** Parses what a user typed the way `docker pull` does; adds :latest when neither tag nor digest is given unless told not to. */
export function parseReference(input: string, options: { withDefaultTag?: boolean } = {}): ReferenceParse {
  const withDefaultTag = options.withDefaultTag ?? true;
  if (input === '') return fail('empty');
  // A bare 64-hex string is an image ID, never a repository name.
  if (identifierRe.test(input)) return fail('invalid-format');

  const { domain, remainder } = splitDomain(input);
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep >= 0 ? remainder.slice(0, tagSep) : remainder;
  if (remoteName.toLowerCase() !== remoteName) return fail('uppercase');

  const full = `${domain}/${remainder}`;
  const match = referenceRe.exec(full);
  if (!match) return fail(explainMismatch(full));
  const [, name = '', tag, digest] = match;
  const path = name.slice(domain.length + 1);
  if (path.length > NAME_TOTAL_LENGTH_MAX) return fail('name-too-long');
  if (digest !== undefined && !validDigest(digest)) return fail('invalid-digest');

  const tagDefaulted = withDefaultTag && tag === undefined && digest === undefined;
  const effectiveTag = tagDefaulted ? 'latest' : tag;
  const suffix = (effectiveTag !== undefined ? `:${effectiveTag}` : '') + (digest !== undefined ? `@${digest}` : '');
  return {
    ok: true,
    value: {
      domain,
      path,
      ...(effectiveTag !== undefined ? { tag: effectiveTag } : {}),
      ...(digest !== undefined ? { digest } : {}),
      tagDefaulted,
      familiar: familiarName(domain, path) + suffix,
      canonical: `${domain}/${path}${suffix}`,
    },
  };
}

/** The repository as docker prints it: docker.io/library/busybox → busybox, docker.io/a/b → a/b. */
export function familiarName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return `${domain}/${path}`;
  if (path.startsWith(OFFICIAL_PREFIX) && !path.slice(OFFICIAL_PREFIX.length).includes('/')) {
    return path.slice(OFFICIAL_PREFIX.length);
  }
  return path;
}

/** True when the reference's registry is Docker Hub. */
export function isDockerHub(ref: ParsedReference): boolean {
  return ref.domain === DEFAULT_DOMAIN;
}

/** splitDockerDomain: the first component is a registry only if it looks like a host (has . or :, is localhost, or has uppercase). */
function splitDomain(input: string): { domain: string; remainder: string } {
  const slash = input.indexOf('/');
  let domain = DEFAULT_DOMAIN;
  let remainder = input;
  if (slash >= 0) {
    const first = input.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      domain = first;
      remainder = input.slice(slash + 1);
    }
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_PREFIX + remainder;
  return { domain, remainder };
}

/** The CLI only says "invalid reference format"; say which part is wrong when that is clear. */
function explainMismatch(full: string): ReferenceProblem {
  if (referenceRe.test(full.toLowerCase())) return 'uppercase';
  const at = full.indexOf('@');
  const beforeDigest = at >= 0 ? full.slice(0, at) : full;
  const lastSlash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.indexOf(':', lastSlash + 1);
  const name = colon >= 0 ? beforeDigest.slice(0, colon) : beforeDigest;
  if (!nameRe.test(name)) return 'invalid-format';
  if (colon >= 0 && !tagRe.test(beforeDigest.slice(colon + 1))) return 'invalid-tag';
  if (at >= 0 && !digestRe.test(full.slice(at + 1))) return 'invalid-digest';
  return 'invalid-format';
}

function validDigest(digest: string): boolean {
  const sep = digest.indexOf(':');
  const expected = DIGEST_HEX_LENGTH[digest.slice(0, sep)];
  const hex = digest.slice(sep + 1);
  return expected !== undefined && hex.length === expected && /^[a-f0-9]+$/.test(hex);
}

function fail(problem: ReferenceProblem): ReferenceParse {
  return { ok: false, problem };
}
