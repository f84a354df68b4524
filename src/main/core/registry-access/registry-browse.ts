/** Browsing a registry with the stored login: /v2/_catalog and tags/list pages, and deleting a tag. */
import type { CatalogPage, DeletedTag, TagsPage } from '../../../shared/registry-access';
import { WharfError } from '../errors';
import { NetError, header, type HttpResult } from './registry-http';
import { MANIFEST_ACCEPT, parseNextLink, parseRegistryAddress, type RegistryAddress } from './registry-parse';
import { RegistrySession, TokenError } from './registry-session';
import type { CredentialStore } from './credentials';

const TIMEOUT_MS = 15_000;

export function addressOf(registry: string): RegistryAddress {
  try {
    return parseRegistryAddress(registry);
  } catch (error) {
    throw new WharfError('invalid-input', (error as Error).message);
  }
}

/** Registry and network failures as the envelope's codes; the message says which registry and what it answered. */
export function registryError(host: string, error: unknown): unknown {
  if (error instanceof TokenError) return new WharfError('permission-denied', `${host}: ${error.message}`);
  if (error instanceof NetError) {
    if (error.code === 'TIMEOUT') return new WharfError('timeout', error.message);
    return new WharfError('failed', `${host} could not be reached: ${error.code}: ${error.message}`);
  }
  return error;
}

function statusError(host: string, what: string, result: HttpResult): WharfError {
  const s = result.status;
  if (s === 401) return new WharfError('permission-denied', `${host} wants a login for ${what} (HTTP 401)`);
  if (s === 403) return new WharfError('permission-denied', `${host} does not allow ${what} (HTTP 403)`);
  if (s === 404) return new WharfError('not-found', `${host}: ${what} not found (HTTP 404)`);
  if (s === 405) return new WharfError('unsupported', `${host} does not allow ${what} (HTTP 405: deletion is not enabled on this registry)`);
  if (s === 429) return new WharfError('failed', `${host} is rate limiting requests (HTTP 429)`);
  return new WharfError('failed', `${host} answered HTTP ${s} for ${what}`);
}

function pageQuery(last: string | undefined, n: number | undefined): string {
  const q = new URLSearchParams();
  if (n !== undefined) q.set('n', String(n));
  if (last !== undefined) q.set('last', last);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export function createRegistryBrowser(credentials: CredentialStore) {
  const open = async (registry: string): Promise<RegistrySession> => {
    const address = addressOf(registry);
    return new RegistrySession(address, await credentials.get(address.key), { timeoutMs: TIMEOUT_MS });
  };
  const guarded = async <T>(registry: string, run: (session: RegistrySession) => Promise<T>): Promise<T> => {
    const session = await open(registry);
    try {
      return await run(session);
    } catch (error) {
      throw registryError(session.address.host, error);
    }
  };

  return {
    catalog: (registry: string, last?: string, n?: number): Promise<CatalogPage> =>
      guarded(registry, async (session) => {
        const result = await session.request(`/v2/_catalog${pageQuery(last, n)}`, { scope: 'registry:catalog:*' });
        if (result.status === 404) throw new WharfError('unsupported', `${session.address.host} does not list its repositories (GET /v2/_catalog answered 404)`);
        if (result.status !== 200) throw statusError(session.address.host, 'the repository list', result);
        const body = JSON.parse(result.body.toString('utf8')) as { repositories?: string[] | null };
        const next = parseNextLink(header(result, 'link'));
        return { registry: session.address.key, repositories: body.repositories ?? [], ...(next?.last !== undefined ? { next: next.last } : {}) };
      }),
    tags: (registry: string, repository: string, last?: string, n?: number): Promise<TagsPage> =>
      guarded(registry, async (session) => {
        const result = await session.request(`/v2/${repository}/tags/list${pageQuery(last, n)}`, { scope: `repository:${repository}:pull` });
        if (result.status !== 200) throw statusError(session.address.host, `the tags of ${repository}`, result);
        const body = JSON.parse(result.body.toString('utf8')) as { tags?: string[] | null };
        const next = parseNextLink(header(result, 'link'));
        // Distribution 2.x ignores n/last here and answers every tag in storage order: sorted for people to read.
        const tags = [...(body.tags ?? [])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        return { registry: session.address.key, repository, tags, ...(next?.last !== undefined ? { next: next.last } : {}) };
      }),
    /** HEAD the tag for its digest, then DELETE the manifest by digest (what the registry API allows). */
    deleteTag: (registry: string, repository: string, tag: string): Promise<DeletedTag> =>
      guarded(registry, async (session) => {
        const scope = `repository:${repository}:pull,delete`;
        const head = await session.request(`/v2/${repository}/manifests/${tag}`, { method: 'HEAD', headers: { Accept: MANIFEST_ACCEPT }, scope });
        if (head.status !== 200) throw statusError(session.address.host, `${repository}:${tag}`, head);
        const digest = header(head, 'docker-content-digest');
        if (!digest || !/^[a-z0-9]+:[a-f0-9]{32,}$/.test(digest)) throw new WharfError('failed', `${session.address.host} did not give the digest of ${repository}:${tag}`);
        const removed = await session.request(`/v2/${repository}/manifests/${digest}`, { method: 'DELETE', scope });
        if (removed.status !== 202 && removed.status !== 200) throw statusError(session.address.host, `deleting ${repository}:${tag}`, removed);
        return { repository, tag, digest };
      }),
  };
}
