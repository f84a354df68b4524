import { create } from 'zustand';

export const PAGES = ['dashboard', 'images', 'containers', 'volumes', 'networks', 'registries', 'cleanup', 'setup', 'settings'] as const;
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

export function hrefFor(page: PageId): string {
  return `#/${page}`;
}

interface RouteStore {
  page: PageId;
  /** `replace`: take the place of the current history entry (a redirect the user did not ask for). */
  navigate(page: PageId, options?: { replace?: boolean }): void;
}

/** The page lives in the URL hash, so reloads, back/forward and e2e deep links all work. */
export const useRouteStore = create<RouteStore>()((set) => ({
  page: pageFromHash(window.location.hash),
  navigate(page, options) {
    if (window.location.hash !== hrefFor(page)) {
      if (options?.replace) window.history.replaceState(window.history.state, '', hrefFor(page));
      else window.location.hash = hrefFor(page);
    }
    set({ page });
  },
}));

/** Follows back/forward and hand-edited hashes; returns the unsubscribe. */
export function startRouteSync(): () => void {
  const onHashChange = (): void => useRouteStore.setState({ page: pageFromHash(window.location.hash) });
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
