import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALES } from '../../i18n/locale';
import { changeLocale, currentLocale } from '../../i18n/setup';
import { isThemeChoice, THEME_CHOICES, useThemeStore } from '../../stores/theme-store';

export function PreferencesCard(): ReactElement {
  const { t } = useTranslation();
  const choice = useThemeStore((s) => s.choice);
  const choose = useThemeStore((s) => s.choose);

  return (
    <section className="card">
      <h2 className="card__title">{t('settings.general')}</h2>
      <div className="field">
        <label htmlFor="locale-select">{t('settings.language')}</label>
        <select
          id="locale-select"
          className="select"
          data-testid="locale-select"
          value={currentLocale()}
          onChange={(event) => {
            if (isLocale(event.target.value)) void changeLocale(event.target.value);
          }}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`settings.languages.${locale}`)}
            </option>
          ))}
        </select>
        <p className="field__hint">{t('settings.languageHint')}</p>
      </div>
      <div className="field">
        <label htmlFor="theme-select">{t('settings.theme')}</label>
        <select
          id="theme-select"
          className="select"
          data-testid="theme-select"
          value={choice}
          onChange={(event) => {
            if (isThemeChoice(event.target.value)) choose(event.target.value);
          }}
        >
          {THEME_CHOICES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`settings.themes.${theme}`)}
            </option>
          ))}
        </select>
        <p className="field__hint">{t('settings.themeHint')}</p>
      </div>
    </section>
  );
}
