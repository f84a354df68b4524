import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { toCliRow, type DiskUsageRow, type DiskUsageSummary } from '../../../../shared/disk-usage';
import { Icon } from '../../components/Icon';
import { formatDate } from '../../i18n/date-format';

/** Reclaimable share for the bar: the CLI's own percentage where it prints one, else from the bytes. */
function share(row: DiskUsageRow): number {
  if (row.reclaimablePercent !== null) return Math.min(100, Math.max(0, row.reclaimablePercent));
  return row.size > 0 ? Math.min(100, Math.max(0, Math.trunc((row.reclaimable * 100) / row.size))) : 0;
}

/** `docker system df`, row for row: labels translated, numbers exactly as the CLI prints them. */
export function DiskUsageCard({ df }: { df: DiskUsageSummary }): ReactElement {
  const { t, i18n } = useTranslation();
  const measured = formatDate(i18n.language, 'time', df.measuredAt);
  return (
    <section className="card" data-testid="df-card">
      <header className="card__header">
        <h2 className="card__title">
          <Icon name="disk" />
          {t('dashboard.df.title')}
        </h2>
        <span className="muted">{t('dashboard.df.subtitle')}</span>
      </header>
      <div className="table-wrap">
        <table className="table dashboard-usage">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.df.type')}</th>
              <th scope="col" className="num">
                {t('dashboard.df.total')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.df.active')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.df.size')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.df.reclaimable')}
              </th>
              <th scope="col" className="dashboard-usage__share">
                {t('dashboard.df.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {df.rows.map((row) => {
              const cli = toCliRow(row);
              const percent = share(row);
              return (
                <tr key={row.kind} data-testid={`df-row-${row.kind}`}>
                  <th scope="row">{t(`dashboard.df.kind.${row.kind}`)}</th>
                  <td className="num" data-testid="df-total">
                    {cli.TotalCount}
                  </td>
                  <td className="num" data-testid="df-active">
                    {cli.Active}
                  </td>
                  <td className="num" data-testid="df-size">
                    {cli.Size}
                  </td>
                  <td className="num" data-testid="df-reclaimable">
                    {cli.Reclaimable}
                  </td>
                  <td className="dashboard-usage__share">
                    <div
                      className="share-bar"
                      role="meter"
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={percent}
                      aria-label={t('dashboard.df.shareLabel', { percent })}
                      title={t('dashboard.df.shareLabel', { percent })}
                    >
                      <div className="share-bar__fill" style={{ width: `${percent}%` }} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <footer className="card__footer muted">{t('dashboard.df.measuredAt', { time: measured })}</footer>
    </section>
  );
}
