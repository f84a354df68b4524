import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleanupReport } from '../../../../shared/cleanup';
import { humanSize } from '../../../../shared/units';
import { Icon } from '../../components/Icon';
import { CleanupReportView } from './CleanupReportView';
import { formatDate } from '../../i18n/date-format';

/** The session's cleanups, newest first (the core keeps the last 20 while it runs). */
export function HistoryList({ reports }: { reports: CleanupReport[] }): ReactElement {
  const { t, i18n } = useTranslation();
  const time = (ms: number): string => formatDate(i18n.language, 'shortDateTime', ms);
  return (
    <section className="card" data-testid="cleanup-history">
      <header className="card__header">
        <h2 className="card__title">
          <Icon name="tasks" />
          {t('cleanup.history.title')}
        </h2>
        <span className="muted">{t('cleanup.history.note')}</span>
      </header>
      {reports.length === 0 ? (
        <p className="muted">{t('cleanup.history.empty')}</p>
      ) : (
        <ul className="cleanup-history">
          {reports.map((r) => (
            <li key={r.id} data-testid="cleanup-history-entry">
              <details>
                <summary>
                  {t('cleanup.report.when', { wizard: t(`cleanup.wizards.${r.wizard}.name`), time: time(r.endedAt) })}
                  <strong className="cleanup-history__size">{humanSize(Math.max(0, r.reclaimed))}</strong>
                </summary>
                <CleanupReportView report={r} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
