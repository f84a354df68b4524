/**
 * Why a pull failed, in the terms a user in 2026 can act on: a mirror's allow-list (DaoCloud answers 403
 * "不在白名单" for names it does not serve; Aliyun's personal accelerator answers 403 outside Aliyun cloud), a rate
 * limit (429: Docker Hub's anonymous pulls, a mirror's quota), a timeout, or the engine having fallen back to Docker
 * Hub after its registry-mirrors failed. Read from the engine's own error text; pure, so it is unit-tested.
 */

export type PullFailureReason = 'mirror-forbidden' | 'rate-limited' | 'timeout' | 'hub-fallback';

/** WharfErrorInfo.details of a pull failure Wharf could explain (advice: images.pullFailure.<reason>). */
export interface PullFailureDetails {
  reason: PullFailureReason;
  /** The registry the reference names (docker.io, ghcr.io…). */
  registry: string;
  /** The prefix mirror pulled through, or the engine's registry-mirrors for a Docker Hub pull. */
  mirrors: string[];
}

export function isPullFailureDetails(details: unknown): details is PullFailureDetails {
  const reason = (details as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && ['mirror-forbidden', 'rate-limited', 'timeout', 'hub-fallback'].includes(reason);
}

const RATE_LIMITED = /toomanyrequests|too many requests|\b429\b|rate limit/i;
const TIMED_OUT = /timeout|timed out|deadline exceeded|Client\.Timeout/i;
const FORBIDDEN = /\b403\b|forbidden|denied|白名单|allow-?list|whitelist/i;
const DOCKER_HUB_HOSTS = /registry-1\.docker\.io|index\.docker\.io|auth\.docker\.io/;

export interface PullContext {
  /** The reference's registry. */
  registry: string;
  /** The pull named a prefix mirror. */
  viaPrefix: boolean;
  /** The engine's registry-mirrors (they apply to docker.io only). */
  hubMirrors: readonly string[];
}

/** The reason, or undefined when the engine's words say nothing Wharf can explain better than they do. */
export function classifyPullFailure(message: string, context: PullContext): PullFailureReason | undefined {
  if (RATE_LIMITED.test(message)) return 'rate-limited';
  if (context.viaPrefix && FORBIDDEN.test(message)) return 'mirror-forbidden';
  // The engine tries its mirrors first and says nothing of them when they fail: an error naming Docker Hub's own
  // hosts, with mirrors set, means every mirror failed and the engine went to Docker Hub.
  if (!context.viaPrefix && context.registry === 'docker.io' && context.hubMirrors.length > 0 && DOCKER_HUB_HOSTS.test(message)) return 'hub-fallback';
  if (TIMED_OUT.test(message)) return 'timeout';
  return undefined;
}
