import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import type { PageId } from '../stores/route-store';

type PageComponent = ComponentType | LazyExoticComponent<ComponentType>;

/** Dashboard and Settings ship in the main bundle; every other page is its own chunk, loaded on first visit. */
export const PAGE_COMPONENTS: Record<PageId, PageComponent> = {
  dashboard: DashboardPage,
  settings: SettingsPage,
  images: lazy(() => import('../pages/images/ImagesPage').then((m) => ({ default: m.ImagesPage }))),
  containers: lazy(() => import('../pages/containers/ContainersPage').then((m) => ({ default: m.ContainersPage }))),
  volumes: lazy(() => import('../pages/volumes/VolumesPage').then((m) => ({ default: m.VolumesPage }))),
  networks: lazy(() => import('../pages/networks/NetworksPage').then((m) => ({ default: m.NetworksPage }))),
  registries: lazy(() => import('../pages/registries/RegistriesPage').then((m) => ({ default: m.RegistriesPage }))),
  cleanup: lazy(() => import('../pages/cleanup/CleanupPage').then((m) => ({ default: m.CleanupPage }))),
  setup: lazy(() => import('../pages/setup/SetupPage').then((m) => ({ default: m.SetupPage }))),
};
