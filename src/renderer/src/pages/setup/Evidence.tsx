import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** A check's evidence, key → value, verbatim: paths, modes, group lists, unit states are never translated. */
export function Evidence({ evidence }: { evidence: Record<string, string> }): ReactElement | null {
  const { t } = useTranslation();
  const entries = Object.entries(evidence);
  if (entries.length === 0) return null;
  return (
    <dl className="setup-evidence" aria-label={t('setup.checklist.evidence')}>
      {entries.map(([key, value]) => (
        <div key={key} className="setup-evidence__row" data-key={key}>
          <dt>{key}</dt>
          <dd>{value === '' ? '""' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
