import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { useCleanupSettings } from './cleanup-settings';

/** The reminder's setting: on/off and the threshold, kept in this browser profile. */
export function ReminderCard(): ReactElement {
  const { t } = useTranslation();
  const { reminderOn, thresholdGb, update } = useCleanupSettings();
  return (
    <section className="card cleanup-reminder" data-testid="cleanup-reminder">
      <header className="card__header">
        <h2 className="card__title">
          <Icon name="info" />
          {t('cleanup.reminder.title')}
        </h2>
      </header>
      <label className="checkbox">
        <input type="checkbox" checked={reminderOn} onChange={(e) => update({ reminderOn: e.target.checked })} data-testid="cleanup-reminder-on" />
        {t('cleanup.reminder.enabled')}
      </label>
      <div className="cleanup-reminder__threshold">
        <input
          className="input cleanup-options__number"
          type="number"
          min={0.1}
          step={0.1}
          value={thresholdGb}
          aria-label={t('cleanup.reminder.unit')}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isFinite(value) && value > 0) update({ thresholdGb: value });
          }}
          data-testid="cleanup-reminder-threshold"
        />
        <span>{t('cleanup.reminder.unit')}</span>
      </div>
      <p className="field__hint">{t('cleanup.reminder.hint')}</p>
    </section>
  );
}
