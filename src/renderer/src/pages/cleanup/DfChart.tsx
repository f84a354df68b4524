import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiskUsageRow } from '../../../../shared/disk-usage';
import { humanSize } from '../../../../shared/units';

/**
 * Where the space goes: one bar, a segment per kind sized by its share of the total, each split into the part
 * in use (solid) and the reclaimable part (striped). Plain CSS, no chart library.
 */
export function DfChart({ rows }: { rows: DiskUsageRow[] }): ReactElement {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const total = rows.reduce((n, r) => n + r.size, 0);
  const reclaimable = rows.reduce((n, r) => n + r.reclaimable, 0);
  return (
    <div className="cleanup-usage-chart" data-testid="cleanup-df-chart">
      <div className="cleanup-usage-chart__total">
        <strong data-testid="cleanup-df-total">{t('cleanup.df.total', { size: humanSize(total), reclaimable: humanSize(reclaimable) })}</strong>
      </div>
      <div className="cleanup-usage-chart__bar" role="img" aria-label={t('cleanup.df.total', { size: humanSize(total), reclaimable: humanSize(reclaimable) })}>
        {rows
          .filter((r) => r.size > 0)
          .map((r) => {
            const used = Math.max(0, r.size - r.reclaimable);
            return (
              <div key={r.kind} className={`cleanup-usage-chart__segment cleanup-usage-chart__segment--${r.kind}`} style={{ flexGrow: r.size }} title={legend(tr, r)}>
                <div className="cleanup-usage-chart__used" style={{ flexGrow: used }} />
                <div className="cleanup-usage-chart__free" style={{ flexGrow: r.reclaimable }} />
              </div>
            );
          })}
        {total === 0 ? <div className="cleanup-usage-chart__empty" /> : null}
      </div>
      <ul className="cleanup-usage-chart__legend">
        {rows.map((r) => (
          <li key={r.kind} data-testid={`cleanup-df-legend-${r.kind}`}>
            <span className={`cleanup-usage-chart__swatch cleanup-usage-chart__segment--${r.kind}`} />
            <span>{legend(tr, r)}</span>
            <span className="faint">{t('cleanup.df.count', { active: r.active, total: r.total })}</span>
          </li>
        ))}
        <li className="cleanup-usage-chart__key">
          <span className="cleanup-usage-chart__swatch cleanup-usage-chart__swatch--used" />
          <span className="muted">{t('cleanup.df.active')}</span>
          <span className="cleanup-usage-chart__swatch cleanup-usage-chart__swatch--free" />
          <span className="muted">{t('cleanup.df.reclaimable')}</span>
        </li>
      </ul>
    </div>
  );
}

type Translate = (key: 'cleanup.df.legend' | `cleanup.df.kind.${DiskUsageRow['kind']}`, values?: Record<string, string>) => string;

function legend(t: Translate, r: DiskUsageRow): string {
  return t('cleanup.df.legend', { kind: t(`cleanup.df.kind.${r.kind}`), size: humanSize(r.size), reclaimable: humanSize(r.reclaimable) });
}
