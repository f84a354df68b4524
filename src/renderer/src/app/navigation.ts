import type { IconName } from '../components/Icon';
import type { PageId } from '../stores/route-store';

export const PAGE_ICONS: Record<PageId, IconName> = {
  dashboard: 'dashboard',
  images: 'images',
  containers: 'containers',
  compose: 'compose',
  volumes: 'volumes',
  networks: 'networks',
  registries: 'registries',
  cleanup: 'cleanup',
  setup: 'setup',
  settings: 'settings',
};

/** The sidebar's sections: everyday work, engine configuration, and the app itself. */
export const NAV_GROUPS: readonly (readonly PageId[])[] = [
  ['dashboard', 'images', 'containers', 'compose', 'volumes', 'networks'],
  ['registries', 'cleanup'],
  ['setup', 'settings'],
];
