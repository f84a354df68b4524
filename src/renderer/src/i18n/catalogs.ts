import en from './en.json';
import zhCN from './zh-CN.json';

export type Catalog = typeof en;

// Checked both ways at compile time: a key missing from either catalog does not type-check.
const zhChecked: Catalog = zhCN;
const enChecked: typeof zhCN = en;

export const catalogs = {
  en: enChecked,
  'zh-CN': zhChecked,
} as const;
