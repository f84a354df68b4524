/** Requests to one registry with its auth: Basic, or the bearer token flow (anonymous or with credentials). */
import { NetError, header, httpRequest, type HttpOptions, type HttpResult } from './registry-http';
import { isLoopbackHost, isTlsError, parseWwwAuthenticate, type Challenge, type RegistryAddress } from './registry-parse';

export interface Credentials {
  username: string;
  /** The password (or an identity token, which registries take as a password for the token flow). */
  secret: string;
}

/** The token endpoint refused or failed; `status` is its HTTP status. */
export class TokenError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

export interface SessionOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

function basic(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.secret}`).toString('base64')}`;
}

/** Credentials go to a token realm only over HTTPS, or to loopback, or to the registry's own host. */
function mayCarryCredentials(realm: URL, registryHost: string): boolean {
  return realm.protocol === 'https:' || isLoopbackHost(realm.host) || realm.host === registryHost;
}

/** GET realm?service=…&scope=… → the bearer token (anonymous when no credentials). */
export async function fetchToken(challenge: Challenge, scope: string | undefined, registryHost: string, credentials: Credentials | undefined, options: SessionOptions): Promise<string> {
  const realmText = challenge.params.realm;
  if (!realmText) throw new TokenError(0, 'the registry asked for a token without saying where to get it (no realm)');
  const realm = new URL(realmText);
  if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
  const scopes = (challenge.params.scope ?? scope ?? '').split(' ').filter(Boolean);
  for (const s of scopes) realm.searchParams.append('scope', s);
  const headers: Record<string, string> = {};
  if (credentials && mayCarryCredentials(realm, registryHost)) headers.Authorization = basic(credentials);
  const result = await httpRequest(realm.toString(), { timeoutMs: options.timeoutMs, signal: options.signal, headers });
  if (result.status < 200 || result.status >= 300) throw new TokenError(result.status, `the token service at ${realm.host} answered ${result.status}`);
  let parsed: { token?: unknown; access_token?: unknown };
  try {
    parsed = JSON.parse(result.body.toString('utf8')) as typeof parsed;
  } catch {
    throw new TokenError(result.status, `the token service at ${realm.host} did not answer JSON`);
  }
  const token = typeof parsed.token === 'string' ? parsed.token : typeof parsed.access_token === 'string' ? parsed.access_token : undefined;
  if (!token) throw new TokenError(result.status, `the token service at ${realm.host} gave no token`);
  return token;
}

export interface SessionRequest extends Omit<HttpOptions, 'timeoutMs' | 'signal'> {
  /** Token scope for this request (e.g. repository:name:pull); the registry's challenge wins when it names one. */
  scope?: string;
}

export class RegistrySession {
  private base: string | undefined;
  private authorization: string | undefined;
  /** The registry used the token flow at least once. */
  tokenFlow = false;

  constructor(
    readonly address: RegistryAddress,
    private readonly credentials: Credentials | undefined,
    private readonly options: SessionOptions,
  ) {}

  /** Use this scheme://host[/path] without probing (a mirror URL as the user gave it). */
  useBase(base: string): void {
    this.base = base.replace(/\/+$/, '');
  }

  /** The scheme://host that answers; loopback tries HTTPS, then plain HTTP (as the engine does). */
  async baseUrl(): Promise<string> {
    if (this.base) return this.base;
    let lastError: unknown;
    for (const scheme of this.address.schemes) {
      const candidate = `${scheme}://${this.address.host}`;
      try {
        await httpRequest(`${candidate}/v2/`, { timeoutMs: this.options.timeoutMs, signal: this.options.signal });
        this.base = candidate;
        return candidate;
      } catch (error) {
        lastError = error;
        const fallBack = error instanceof NetError && (isTlsError(error.code, error.message) || error.code === 'ECONNRESET');
        if (!fallBack) throw error;
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  async request(path: string, request: SessionRequest = {}): Promise<HttpResult> {
    const url = `${await this.baseUrl()}${path}`;
    const send = (): Promise<HttpResult> =>
      httpRequest(url, {
        ...request,
        timeoutMs: this.options.timeoutMs,
        signal: this.options.signal,
        headers: { ...request.headers, ...(this.authorization ? { Authorization: this.authorization } : {}) },
      });
    const first = await send();
    if (first.status !== 401) return first;
    const challenges = parseWwwAuthenticate(header(first, 'www-authenticate') ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer) {
      const token = await fetchToken(bearer, request.scope, this.address.host, this.credentials, this.options);
      this.tokenFlow = true;
      this.authorization = `Bearer ${token}`;
    } else if (challenges.some((c) => c.scheme === 'basic') && this.credentials && this.authorization === undefined) {
      this.authorization = basic(this.credentials);
    } else {
      return first;
    }
    return send();
  }
}
