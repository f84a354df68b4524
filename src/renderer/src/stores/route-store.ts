import { create } from 'zustand';

export const PAGES = ['dashboard', 'images', 'containers', 'volumes', 'networks', 'registries', 'cleanup', 'setup', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

function isPage(value: string): value is PageId {
  return (PAGES as readonly string[]).includes(value);
}

/** `#/images` → images; anything unknown → dashboard. */
function pageFromHash(hash: string): PageId {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isPage(name) ? name : 'dashboard';
}

export function hrefFor(page: PageId): string {
  return `#/${page}`;
}

interface RouteStore {
  page: PageId;
  navigate(page: PageId): void;
}

/** The page lives in the URL hash, so reloads, back/forward and e2e deep links all work. */
export const useRouteStore = create<RouteStore>()((set) => ({
  page: pageFromHash(window.location.hash),
  navigate(page) {
    if (window.location.hash !== hrefFor(page)) window.location.hash = hrefFor(page);
    set({ page });
  },
}));

/** Follows back/forward and hand-edited hashes; returns the unsubscribe. */
export function startRouteSync(): () => void {
  const onHashChange = (): void => useRouteStore.setState({ page: pageFromHash(window.location.hash) });
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
