import en from './en.json';
import enImageBuild from './features/en/imageBuild.json';
import enImageDetails from './features/en/imageDetails.json';
import enImageRemove from './features/en/imageRemove.json';
import enImageTransfer from './features/en/imageTransfer.json';
import zhCN from './zh-CN.json';
import zhImageBuild from './features/zh-CN/imageBuild.json';
import zhImageDetails from './features/zh-CN/imageDetails.json';
import zhImageRemove from './features/zh-CN/imageRemove.json';
import zhImageTransfer from './features/zh-CN/imageTransfer.json';

/**
 * One catalog per language: the shell's messages (en.json, zh-CN.json) plus one namespace per feature
 * (features/<lang>/<namespace>.json), so a feature's texts live next to each other and apart from the rest.
 */
const enCatalog = { ...en, imageBuild: enImageBuild, imageDetails: enImageDetails, imageRemove: enImageRemove, imageTransfer: enImageTransfer };
const zhCatalog = { ...zhCN, imageBuild: zhImageBuild, imageDetails: zhImageDetails, imageRemove: zhImageRemove, imageTransfer: zhImageTransfer };

export type Catalog = typeof enCatalog;

// Checked both ways at compile time: a key missing from either catalog does not type-check.
const zhChecked: Catalog = zhCatalog;
const enChecked: typeof zhCatalog = enCatalog;

export const catalogs = {
  en: enChecked,
  'zh-CN': zhChecked,
} as const;
