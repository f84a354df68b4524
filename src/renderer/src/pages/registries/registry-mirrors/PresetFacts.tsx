import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MirrorPreset } from '../../../../../shared/mirror-presets';

/** A preset's text in the UI's language (presets carry zh-CN and en; they are data, loaded lists included). */
export function presetText(texts: MirrorPreset['name'], language: string): string {
  return language.startsWith('zh') ? texts['zh-CN'] : texts.en;
}

/** Who may use a mirror, its limits, its status page and when these facts were checked. */
export function PresetFacts({ preset }: { preset: MirrorPreset }): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <div className="registry-mirrors-preset-facts" data-testid="registry-preset-facts">
      <p className={preset.restricted ? 'notice notice--warning' : 'registry-mirrors-add__notes'} data-testid="registry-preset-audience">
        <strong>{t('registryMirrors.presets.audience')}</strong> {presetText(preset.audience, i18n.language)}
      </p>
      <p className="registry-mirrors-add__notes">
        <strong>{t('registryMirrors.presets.limits')}</strong> {presetText(preset.limits, i18n.language)}
      </p>
      <p className="faint registry-mirrors-preset-facts__meta">
        {t('registryMirrors.presets.checked', { date: preset.checkedAt })}
        {preset.statusPage ? (
          <>
            {' · '}
            <a href={preset.statusPage} target="_blank" rel="noreferrer">
              {t('registryMirrors.presets.status')}
            </a>
          </>
        ) : null}
      </p>
    </div>
  );
}
