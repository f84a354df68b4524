import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import type { PageId } from '../stores/route-store';

type PageComponent = ComponentType | LazyExoticComponent<ComponentType>;

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
function lazyPage(load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> {
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
  return lazy(() => attempt(2, 250, []));
}

/** Dashboard and Settings ship in the main bundle; every other page is its own chunk, loaded on first visit. */
export const PAGE_COMPONENTS: Record<PageId, PageComponent> = {
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
