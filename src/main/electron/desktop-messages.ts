/**
 * The few texts the desktop's main process shows itself (a native dialog, a refusal on stderr), from the same
 * catalogs as the page (namespace "desktop"), so they are translated and checked with the rest.
 */
import en from '../../renderer/src/i18n/features/en/desktop.json';
import zhCN from '../../renderer/src/i18n/features/zh-CN/desktop.json';

export type DesktopMessages = typeof en;
export type DesktopLocale = 'en' | 'zh-CN';

const CATALOGS: Readonly<Record<DesktopLocale, DesktopMessages>> = { en, 'zh-CN': zhCN };

/** Like the page: any Chinese variant gets Simplified Chinese, everything else English. */
export function desktopLocale(lang: string | undefined): DesktopLocale {
  return typeof lang === 'string' && lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function desktopMessages(locale: DesktopLocale): DesktopMessages {
  return CATALOGS[locale];
}

/** {{name}} → value, for the dialog's text (plain text: no markup is interpreted there). */
export function fillMessage(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name] ?? whole) : whole));
}

/** Before any window (and its language choice) exists: both languages, English first. */
export function rootRefusedText(): string {
  return `${en.rootRefused}\n${zhCN.rootRefused}\n`;
}
