import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useRouteStore } from '../../stores/route-store';

/** The setup wizard can always be reopened from Settings, not only when the engine is unusable. */
export function SetupCard(): ReactElement {
  const { t } = useTranslation();
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <section className="card">
      <h2 className="card__title">
        <Icon name="setup" />
        {t('settings.setupWizard')}
      </h2>
      <p className="muted">{t('settings.setupWizardHint')}</p>
      <div className="card__actions">
        <button type="button" className="button button--secondary" onClick={() => navigate('setup')} data-testid="settings-open-setup">
          {t('settings.openSetup')}
          <Icon name="arrowRight" size={16} />
        </button>
      </div>
    </section>
  );
}
