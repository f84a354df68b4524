/** i18next's t for each language, over the app's own catalogs: what unit tests of translated text call. */
import i18next, { type TFunction } from 'i18next';
import { catalogs } from '../../src/renderer/src/i18n/catalogs';

export type Language = 'en' | 'zh-CN';

export async function makeTranslators(): Promise<Record<Language, TFunction>> {
  const make = async (lng: Language): Promise<TFunction> => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { [lng]: { translation: catalogs[lng] } }, lng, interpolation: { escapeValue: false }, showSupportNotice: false });
    return instance.t;
  };
  return { en: await make('en'), 'zh-CN': await make('zh-CN') };
}
