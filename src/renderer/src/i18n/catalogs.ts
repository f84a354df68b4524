import en from './en.json';
import enCompose from './features/en/compose.json';
import enContainers from './features/en/containers.json';
import enContainerLogs from './features/en/containerLogs.json';
import enDesktop from './features/en/desktop.json';
import enEngines from './features/en/engines.json';
import enFormat from './features/en/format.json';
import enCleanup from './features/en/cleanup.json';
import enImageBuild from './features/en/imageBuild.json';
import enImageDetails from './features/en/imageDetails.json';
import enImageRemove from './features/en/imageRemove.json';
import enImageTransfer from './features/en/imageTransfer.json';
import enLogs from './features/en/logs.json';
import enNetworks from './features/en/networks.json';
import enVolumes from './features/en/volumes.json';
import enStats from './features/en/stats.json';
import enTerminal from './features/en/terminal.json';
import enRegistryMirrors from './features/en/registryMirrors.json';
import enRegistryAccess from './features/en/registryAccess.json';
import enWebSession from './features/en/webSession.json';
import zhCN from './zh-CN.json';
import zhCompose from './features/zh-CN/compose.json';
import zhContainers from './features/zh-CN/containers.json';
import zhContainerLogs from './features/zh-CN/containerLogs.json';
import zhDesktop from './features/zh-CN/desktop.json';
import zhEngines from './features/zh-CN/engines.json';
import zhFormat from './features/zh-CN/format.json';
import zhCleanup from './features/zh-CN/cleanup.json';
import zhImageBuild from './features/zh-CN/imageBuild.json';
import zhImageDetails from './features/zh-CN/imageDetails.json';
import zhImageRemove from './features/zh-CN/imageRemove.json';
import zhImageTransfer from './features/zh-CN/imageTransfer.json';
import zhRegistryMirrors from './features/zh-CN/registryMirrors.json';
import zhRegistryAccess from './features/zh-CN/registryAccess.json';
import zhLogs from './features/zh-CN/logs.json';
import zhNetworks from './features/zh-CN/networks.json';
import zhVolumes from './features/zh-CN/volumes.json';
import zhStats from './features/zh-CN/stats.json';
import zhTerminal from './features/zh-CN/terminal.json';
import zhWebSession from './features/zh-CN/webSession.json';

/**
 * One catalog per language: the shell's messages (en.json, zh-CN.json) plus one namespace per feature
 * (features/<lang>/<namespace>.json), so a feature's texts live next to each other and apart from the rest.
 */
const enCatalog = {
  ...en,
  cleanup: enCleanup,
  imageBuild: enImageBuild,
  compose: enCompose,
  containers: enContainers,
  containerLogs: enContainerLogs,
  desktop: enDesktop,
  engines: enEngines,
  format: enFormat,
  imageDetails: enImageDetails,
  imageRemove: enImageRemove,
  imageTransfer: enImageTransfer,
  registryMirrors: enRegistryMirrors,
  registryAccess: enRegistryAccess,
  logs: enLogs,
  volumes: enVolumes,
  networks: enNetworks,
  terminal: enTerminal,
  stats: enStats,
  webSession: enWebSession,
};
const zhCatalog = {
  ...zhCN,
  cleanup: zhCleanup,
  imageBuild: zhImageBuild,
  compose: zhCompose,
  containers: zhContainers,
  containerLogs: zhContainerLogs,
  desktop: zhDesktop,
  engines: zhEngines,
  format: zhFormat,
  imageDetails: zhImageDetails,
  imageRemove: zhImageRemove,
  imageTransfer: zhImageTransfer,
  registryMirrors: zhRegistryMirrors,
  registryAccess: zhRegistryAccess,
  logs: zhLogs,
  volumes: zhVolumes,
  networks: zhNetworks,
  terminal: zhTerminal,
  stats: zhStats,
  webSession: zhWebSession,
};

export type Catalog = typeof enCatalog;

// Checked both ways at compile time: a key missing from either catalog does not type-check.
const zhChecked: Catalog = zhCatalog;
const enChecked: typeof zhCatalog = enCatalog;

export const catalogs = {
  en: enChecked,
  'zh-CN': zhChecked,
} as const;
