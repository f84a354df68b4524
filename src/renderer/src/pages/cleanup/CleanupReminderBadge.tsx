import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { humanSize } from '../../../../shared/units';
import { useCleanupSettings } from './cleanup-settings';
import { useCleanupReminder } from './use-cleanup-reminder';
import '../../styles/cleanup.css';

/**
 * The shell's reminder: a badge on the Cleanup link once reclaimable space passes the user's threshold.
 * Clicking the link with the badge opens Quick clean.
 */
export function CleanupReminderBadge(): ReactElement | null {
  const { t } = useTranslation();
  const reclaimable = useCleanupReminder();
  const threshold = useCleanupSettings((s) => s.thresholdGb * 1e9);
  if (reclaimable === null || reclaimable < threshold) return null;
  return (
    <span
      className="cleanup-badge"
      data-testid="cleanup-reminder-badge"
      title={t('cleanup.reminder.badgeTitle')}
      onClick={() => useCleanupSettings.getState().requestWizard('quick')}
    >
      {t('cleanup.reminder.badge', { size: humanSize(reclaimable) })}
    </span>
  );
}
