/** registry-access types (the Registries page's remote side): speed test, logins, browsing a registry. */

/** How one mirror did in the speed test, in the order of preference. */
export const SPEED_OUTCOMES = ['ok', 'rate-limited', 'not-found', 'forbidden', 'unauthorized', 'timeout', 'tls-error', 'unreachable', 'other'] as const;
export type SpeedOutcome = (typeof SPEED_OUTCOMES)[number];

/** The step a mirror stopped at (or the last one it passed). */
export type SpeedStep = 'ping' | 'token' | 'manifest' | 'blob';

export interface MirrorSpeed {
  url: string;
  outcome: SpeedOutcome;
  /** Where it failed; absent when ok. */
  failedStep?: SpeedStep;
  /** HTTP status of the failing step (or of GET /v2/ when ok). */
  status?: number;
  /** GET /v2/ round trip (to the response headers). */
  latencyMs?: number;
  /** The registry asked for a bearer token and gave one anonymously. */
  tokenFlow: boolean;
  /** HEAD of the image's manifest. */
  manifestMs?: number;
  /** The sample blob download (capped in bytes and time). */
  blob?: { digest: string; bytes: number; ms: number; bytesPerSecond: number };
  /** Developer detail (the OS or server message); never contains credentials. */
  message?: string;
  /** The same mirror asked for a non-official image's manifest (no download). */
  nonOfficial?: { image: string; outcome: SpeedOutcome; status?: number };
  /** It served the official image and refused (403) the non-official one: it serves an allow-list. */
  allowList?: boolean;
  /** 1 = best. */
  rank: number;
}

export interface SpeedTestResult {
  image: string;
  nonOfficialImage: string;
  mirrors: MirrorSpeed[];
}

export const DEFAULT_SPEED_IMAGE = 'library/busybox:latest';
/**
 * A public image outside the official library and not among the most pulled ones, so that an allow-list mirror
 * (DaoCloud serves library/* and about 990 other names) is likely to refuse it. The user can name another.
 */
export const DEFAULT_NON_OFFICIAL_IMAGE = 'mendhak/http-https-echo:latest';

/** ok first (faster blob, then lower latency), then the others by outcome. */
export function rankMirrors(rows: Omit<MirrorSpeed, 'rank'>[]): MirrorSpeed[] {
  const order = (o: SpeedOutcome): number => SPEED_OUTCOMES.indexOf(o);
  const sorted = [...rows].sort((a, b) => {
    if (a.outcome !== b.outcome) return order(a.outcome) - order(b.outcome);
    const speed = (b.blob?.bytesPerSecond ?? 0) - (a.blob?.bytesPerSecond ?? 0);
    if (speed !== 0) return speed;
    return (a.latencyMs ?? Number.MAX_SAFE_INTEGER) - (b.latencyMs ?? Number.MAX_SAFE_INTEGER);
  });
  return sorted.map((row, index) => ({ ...row, rank: index + 1 }));
}

/** A registry Wharf has credentials for (never the password). */
export interface RegistryLogin {
  /** The key the docker CLI uses: host[:port], or https://index.docker.io/v1/ for Docker Hub. */
  server: string;
  username?: string;
  /** Where the secret lives: config.json itself or a credential helper (docker-credential-<name>). */
  store: 'file' | { helper: string };
}

export interface RegistryLogins {
  /** The config folder in use ($DOCKER_CONFIG or ~/.docker). */
  configDir: string;
  logins: RegistryLogin[];
}

export interface CatalogPage {
  registry: string;
  repositories: string[];
  /** Pass as `last` to get the next page; absent on the last page. */
  next?: string;
}

export interface TagsPage {
  registry: string;
  repository: string;
  tags: string[];
  next?: string;
}

export interface DeletedTag {
  repository: string;
  tag: string;
  digest: string;
}
