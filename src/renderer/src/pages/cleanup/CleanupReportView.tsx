import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleanupReport } from '../../../../shared/cleanup';
import { humanSize } from '../../../../shared/units';
import { dynamicText } from '../../i18n/messages';

const SHOWN = 20;

function total(rows: ReadonlyArray<{ size: number }>): number {
  return rows.reduce((n, r) => n + r.size, 0);
}

/** What a cleanup did: space reclaimed (measured), removed, skipped and failed with why. */
export function CleanupReportView({ report }: { report: CleanupReport }): ReactElement {
  const { t } = useTranslation();
  const notable = [...report.skipped, ...report.failed];
  return (
    <div className="cleanup-report" data-testid="cleanup-report">
      <div className="cleanup-report__numbers">
        <div title={t('cleanup.report.reclaimedTitle')}>
          <span className="muted">{t('cleanup.report.reclaimed')}</span>
          <strong className="cleanup-report__big" data-testid="cleanup-reclaimed">
            {humanSize(Math.max(0, report.reclaimed))}
          </strong>
          <span className="faint">{t('cleanup.report.estimate', { size: humanSize(report.estimate) })}</span>
          <span className="faint" data-testid="cleanup-before-after">
            {t('cleanup.report.beforeAfter', { before: humanSize(total(report.before)), after: humanSize(total(report.after)) })}
          </span>
        </div>
        <div className="cleanup-report__chips">
          <span className="chip chip--success" data-testid="cleanup-removed">
            {t('cleanup.report.removed', { count: report.removed.length })}
          </span>
          {report.skipped.length > 0 ? <span className="chip chip--warning">{t('cleanup.report.skipped', { count: report.skipped.length })}</span> : null}
          {report.failed.length > 0 ? <span className="chip chip--danger">{t('cleanup.report.failed', { count: report.failed.length })}</span> : null}
        </div>
      </div>
      {notable.length > 0 ? (
        <>
          <h3 className="section-label">{t('cleanup.report.skippedList')}</h3>
          <ul className="cleanup-report__list" data-testid="cleanup-skipped">
            {notable.slice(0, SHOWN).map((o) => (
              <li key={`${o.kind}:${o.name}`}>
                <span className="chip chip--muted">{t(`cleanup.preview.kind.${o.kind}`)}</span>
                <code>{o.name}</code>
                <span>{o.reason ? dynamicText(t, `cleanup.report.reason.${o.reason}`, o.reason) : ''}</span>
                {o.message ? <span className="faint">{o.message}</span> : null}
              </li>
            ))}
            {notable.length > SHOWN ? <li className="faint">{t('cleanup.detail.more', { count: notable.length - SHOWN })}</li> : null}
          </ul>
        </>
      ) : null}
    </div>
  );
}
