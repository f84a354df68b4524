import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from './catalogs';
import { initialLocale, saveLocale, type Locale } from './locale';

function reflectLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = i18n.t('app.title');
}

/** Starts i18next with both catalogs bundled (no network) in the saved or system locale. */
export async function setupI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: {
      en: { translation: catalogs.en },
      'zh-CN': { translation: catalogs['zh-CN'] },
    },
    lng: initialLocale(),
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  i18n.on('languageChanged', (lng) => reflectLocale(lng === 'zh-CN' ? 'zh-CN' : 'en'));
  reflectLocale(i18n.language === 'zh-CN' ? 'zh-CN' : 'en');
}

/** Switches the language and remembers the choice. */
export async function changeLocale(locale: Locale): Promise<void> {
  saveLocale(locale);
  await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}
