import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerLogUsage } from '../../../../../shared/container-logs';
import { humanSize } from '../../../../../shared/units';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { useCall } from '../../../hooks/use-call';
import { LogDefaults } from './LogDefaults';
import { TruncateLogsDialog } from './TruncateLogsDialog';

/** Rows drawn; the rest is counted (the largest come first). */
const SHOWN = 200;

/** "10m × 3", or what the driver keeps when it keeps no file. */
export function LimitText({ row }: { row: ContainerLogUsage }): ReactElement {
  const { t } = useTranslation();
  if (row.bytes === null) return <span className="faint">{t('containerLogs.noLocalFile')}</span>;
  if (row.unlimited) return <span className="container-logs__unlimited">{t('containerLogs.unlimited')}</span>;
  const size = row.options['max-size'];
  const files = row.options['max-file'];
  return <span className="mono">{size ? `${size}${files ? ` × ${files}` : ''}` : t('containerLogs.driverDefault')}</span>;
}

/**
 * Container logs on the Cleanup page: each container's log files (json-file, local) largest first, measured through
 * the engine, those that grow without limit marked; choose some and truncate them (a preview, then a task).
 */
export function ContainerLogsCard({ onDone }: { onDone(): void }): ReactElement {
  const { t } = useTranslation();
  const { data, error, loading, refresh } = useCall('containers.logUsage', {});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const withFiles = useMemo(() => (data?.rows ?? []).filter((r) => r.bytes !== null), [data]);
  const elsewhere = (data?.rows.length ?? 0) - withFiles.length;
  const chosen = withFiles.filter((r) => selected.has(r.id));
  const toggle = (id: string, on: boolean): void =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="card" data-testid="container-logs">
      <header className="card__header">
        <h2 className="card__title">
          <Icon name="disk" />
          {t('containerLogs.title')}
        </h2>
        <button type="button" className="button button--subtle button--small cleanup-refresh" onClick={refresh} disabled={loading} data-testid="container-logs-refresh">
          <Icon name="retry" size={14} />
          {t('cleanup.refresh')}
        </button>
      </header>
      <p className="muted">{t('containerLogs.intro')}</p>
      {error ? <ErrorNotice title={t('containerLogs.loadFailed')} error={error} /> : null}
      {data ? (
        <>
          <p data-testid="container-logs-total">
            {t('containerLogs.total', { size: humanSize(data.total), count: withFiles.length })}
            {elsewhere > 0 ? <span className="faint"> · {t('containerLogs.elsewhere', { count: elsewhere })}</span> : null}
          </p>
          {withFiles.length === 0 ? null : (
            <div className="table-wrap">
              <table className="table" data-testid="container-logs-table">
                <thead>
                  <tr>
                    <th scope="col" className="col-select">
                      <input
                        type="checkbox"
                        aria-label={t('containerLogs.selectAll')}
                        checked={chosen.length === withFiles.length}
                        onChange={(e) => setSelected(new Set(e.target.checked ? withFiles.map((r) => r.id) : []))}
                        data-testid="container-logs-select-all"
                      />
                    </th>
                    <th scope="col">{t('containerLogs.col.name')}</th>
                    <th scope="col">{t('containerLogs.col.driver')}</th>
                    <th scope="col">{t('containerLogs.col.limit')}</th>
                    <th scope="col" className="num">
                      {t('containerLogs.col.size')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {withFiles.slice(0, SHOWN).map((row) => (
                    <tr key={row.id} data-testid="container-logs-row" data-name={row.name} data-bytes={row.bytes ?? undefined} aria-selected={selected.has(row.id)}>
                      <td className="col-select">
                        <input type="checkbox" checked={selected.has(row.id)} onChange={(e) => toggle(row.id, e.target.checked)} aria-label={t('containerLogs.select', { name: row.name })} data-testid="container-logs-select" />
                      </td>
                      <td className="ellipsis" title={row.id}>
                        {row.name}
                      </td>
                      <td className="mono">{row.driver}</td>
                      <td>
                        <LimitText row={row} />
                      </td>
                      <td className="num mono" data-testid="container-logs-size">
                        {humanSize(row.bytes ?? 0)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {withFiles.length > SHOWN ? <p className="faint">{t('cleanup.detail.more', { count: withFiles.length - SHOWN })}</p> : null}
            </div>
          )}
          <footer className="card__footer container-logs__footer">
            <span className="muted">{t('containerLogs.selected', { count: chosen.length, size: humanSize(chosen.reduce((s, r) => s + (r.bytes ?? 0), 0)) })}</span>
            <button type="button" className="button button--danger" disabled={chosen.length === 0} onClick={() => setConfirming(true)} data-testid="container-logs-truncate">
              {t('containerLogs.truncate')}
            </button>
          </footer>
        </>
      ) : loading ? (
        <Spinner />
      ) : null}
      {data ? <LogDefaults rows={data.rows} onApplied={refresh} /> : null}
      {confirming ? (
        <TruncateLogsDialog
          rows={chosen}
          onClose={() => setConfirming(false)}
          onSettled={() => {
            setSelected(new Set());
            refresh();
            onDone();
          }}
        />
      ) : null}
    </section>
  );
}
