import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A check's evidence: what was looked at, in the user's language, and what was found, verbatim (paths, modes, group
 * lists and unit states are the system's own words, never translated; translate="no" says so to translators too).
 */
export function Evidence({ evidence }: { evidence: Record<string, string> }): ReactElement | null {
  const { t } = useTranslation();
  const entries = Object.entries(evidence);
  if (entries.length === 0) return null;
  return (
    <dl className="setup-evidence" aria-label={t('setup.checklist.evidence')}>
      {entries.map(([key, value]) => (
        <div key={key} className="setup-evidence__row" data-key={key}>
          <dt>{t(`setup.checklist.evidenceKey.${key}` as 'setup.checklist.evidenceKey.path', { defaultValue: key })}</dt>
          <dd translate="no">{value === '' ? '""' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
