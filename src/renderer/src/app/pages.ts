import { createElement, lazy, useState, type ComponentType, type ReactElement } from 'react';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import type { PageId } from '../stores/route-store';


/** Adds the stylesheet again and waits until it applies (or fails). */
function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => reject(new Error(`Unable to preload CSS for ${href}`)), { once: true });
    document.head.appendChild(link);
  });
}

/**
 * A page's chunk, loaded on first visit. A load that fails (a connection dropped under the request, "Unable to
 * preload CSS") is tried twice more before the page shows its error: a transient failure should not cost a reload.
 * A stylesheet that failed is loaded again here: the chunk loader remembers it as asked for and would not wait for
 * it a second time, so the page would show unstyled.
 */
/** Lazy pages' loaders, for preloadPages(). */
const preloaders: Array<() => Promise<unknown>> = [];

function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const attempt = async (left: number, delayMs: number, css: string[]): Promise<{ default: ComponentType }> => {
    try {
      // The stylesheets that failed before, loaded again first (each failure throws for the next attempt).
      for (const href of css) await loadStylesheet(href);
      return { default: await load() };
    } catch (error) {
      if (left === 0) throw error;
      const failedCss = /Unable to preload CSS for (\S+)/.exec(error instanceof Error ? error.message : '')?.[1];
      // The link that failed stays in <head>, inert: it goes, and a new one is made next time.
      for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) if (failedCss !== undefined && link.href === failedCss) link.remove();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return attempt(left - 1, delayMs * 3, failedCss === undefined || css.includes(failedCss) ? css : [...css, failedCss]);
    }
  };
  // One load per page, whether the visit or the idle preload asks first; a failed one is asked again next time.
  let loading: Promise<{ default: ComponentType }> | undefined;
  let loaded: ComponentType | undefined;
  const get = (): Promise<{ default: ComponentType }> =>
    (loading ??= attempt(2, 250, []).then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  preloaders.push(get);
  const Lazy = lazy(get);
  // A page already loaded (preloaded while idle) renders at once: through lazy() it would suspend for a moment, and
  // React holds a revealed Suspense boundary back for up to 300 ms (seen: the list asked for 270 ms after the click).
  // Chosen once per mount: switching from Lazy to the loaded page later would mount the page a second time.
  return function Page(): ReactElement {
    const [component] = useState<ComponentType>(() => loaded ?? Lazy);
    return createElement(component);
  };
}

/** Dashboard and Settings ship in the main bundle; every other page is its own chunk, loaded on first visit. */
export const PAGE_COMPONENTS: Record<PageId, ComponentType> = {
  dashboard: DashboardPage,
  settings: SettingsPage,
  images: lazyPage(() => import('../pages/images/ImagesPage').then((m) => m.ImagesPage)),
  containers: lazyPage(() => import('../pages/containers/ContainersPage').then((m) => m.ContainersPage)),
  compose: lazyPage(() => import('../pages/compose/ComposePage').then((m) => m.ComposePage)),
  volumes: lazyPage(() => import('../pages/volumes/VolumesPage').then((m) => m.VolumesPage)),
  networks: lazyPage(() => import('../pages/networks/NetworksPage').then((m) => m.NetworksPage)),
  registries: lazyPage(() => import('../pages/registries/RegistriesPage').then((m) => m.RegistriesPage)),
  cleanup: lazyPage(() => import('../pages/cleanup/CleanupPage').then((m) => m.CleanupPage)),
  setup: lazyPage(() => import('../pages/setup/SetupPage').then((m) => m.SetupPage)),
};

/**
 * Loads every page's chunk while the shell is idle, one at a time in the sidebar's order, so that a first visit
 * does not wait for its code. Returns the cancel function.
 */
export function preloadPages(): () => void {
  let cancelled = false;
  let handle: number | undefined;
  const next = (index: number): void => {
    const load = preloaders[index];
    if (cancelled || load === undefined) return;
    handle = requestIdleCallback(() => void load().then(() => next(index + 1), () => next(index + 1)), { timeout: 2_000 });
  };
  next(0);
  return () => {
    cancelled = true;
    if (handle !== undefined) cancelIdleCallback(handle);
  };
}
