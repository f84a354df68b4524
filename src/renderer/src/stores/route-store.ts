import { create } from 'zustand';

export const PAGES = ['dashboard', 'images', 'containers', 'compose', 'volumes', 'networks', 'registries', 'cleanup', 'setup', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

function isPage(value: string): value is PageId {
  return (PAGES as readonly string[]).includes(value);
}

/** The page a hash names (`#/images` → images), or null when it names none. */
export function pageInHash(hash: string): PageId | null {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isPage(name) ? name : null;
}

/** `#/images` → images; anything unknown → dashboard. */
function pageFromHash(hash: string): PageId {
  return pageInHash(hash) ?? 'dashboard';
}

/** What a page is showing, after the `?` of its hash (`#/containers?state=stopped`). */
export type RouteQuery = Readonly<Record<string, string>>;

/** The query of a hash: `#/containers?state=stopped` → { state: 'stopped' }. */
export function queryInHash(hash: string): RouteQuery {
  const at = hash.indexOf('?');
  return at < 0 ? {} : Object.fromEntries(new URLSearchParams(hash.slice(at + 1)));
}

export function hrefFor(page: PageId, query: RouteQuery = {}): string {
  const search = new URLSearchParams(query).toString();
  return search ? `#/${page}?${search}` : `#/${page}`;
}

interface RouteStore {
  page: PageId;
  query: RouteQuery;
  /** `replace`: take the place of the current history entry (a redirect the user did not ask for). */
  navigate(page: PageId, options?: { replace?: boolean; query?: RouteQuery }): void;
}

/** The page (and what it shows) lives in the URL hash, so reloads, back/forward and e2e deep links all work. */
export const useRouteStore = create<RouteStore>()((set) => ({
  page: pageFromHash(window.location.hash),
  query: queryInHash(window.location.hash),
  navigate(page, options) {
    const query = options?.query ?? {};
    const href = hrefFor(page, query);
    if (window.location.hash !== href) {
      if (options?.replace) window.history.replaceState(window.history.state, '', href);
      else window.location.hash = href;
    }
    set({ page, query });
  },
}));

/** Follows back/forward and hand-edited hashes; returns the unsubscribe. */
export function startRouteSync(): () => void {
  const onHashChange = (): void => useRouteStore.setState({ page: pageFromHash(window.location.hash), query: queryInHash(window.location.hash) });
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
