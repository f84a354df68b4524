import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeRow, VolumeUsage } from '../../../../shared/volume-list';
import { humanSize } from '../../../../shared/units';
import { Icon } from '../../components/Icon';
import { CreatedCell } from '../../components/CreatedCell';
import { UsedBy } from '../../components/UsedBy';

interface Props {
  rows: readonly VolumeRow[];
  usage: VolumeUsage | null;
  nowMs: number;
  selected: ReadonlySet<string>;
  onSelect(name: string, on: boolean): void;
  onSelectAll(on: boolean): void;
  onRemove(name: string): void;
}

function SizeCell({ usage, name }: { usage: VolumeUsage | null; name: string }): ReactElement {
  const { t } = useTranslation();
  const size = usage?.volumes[name]?.size;
  return <td className="num">{size === undefined || size < 0 ? <span className="faint">{t('volumes.sizeUnknown')}</span> : humanSize(size)}</td>;
}

/** `docker volume ls` with what the CLI needs `inspect` and `system df -v` for. */
export function VolumesTable({ rows, usage, nowMs, selected, onSelect, onSelectAll, onRemove }: Props): ReactElement {
  const { t } = useTranslation();
  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.name));
  return (
    <div className="table-wrap resource-table-wrap">
      <table className="table resource-table" data-testid="volumes-table">
        <thead>
          <tr>
            <th className="resource-check">
              <input type="checkbox" checked={allChecked} onChange={(e) => onSelectAll(e.target.checked)} aria-label={t('volumes.selectAll')} />
            </th>
            <th>{t('volumes.column.name')}</th>
            <th>{t('volumes.column.driver')}</th>
            <th>{t('volumes.column.mountpoint')}</th>
            <th className="num">{t('volumes.column.size')}</th>
            <th>{t('volumes.column.usedBy')}</th>
            <th>{t('volumes.column.created')}</th>
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} data-testid="volume-row" data-name={r.name} aria-selected={selected.has(r.name)}>
              <td className="resource-check">
                <input type="checkbox" checked={selected.has(r.name)} onChange={(e) => onSelect(r.name, e.target.checked)} aria-label={t('volumes.selectRow', { name: r.name })} />
              </td>
              <th scope="row" className="resource-name">
                <span className="mono resource-name__text" title={r.name}>
                  {r.anonymous ? `${r.name.slice(0, 12)}…` : r.name}
                </span>
                {r.anonymous ? (
                  <span className="chip chip--muted" title={t('volumes.anonymousTitle')}>
                    {t('volumes.anonymous')}
                  </span>
                ) : null}
                {Object.entries(r.labels)
                  .filter(([k]) => k !== 'com.docker.volume.anonymous')
                  .slice(0, 3)
                  .map(([k, v]) => (
                    <span key={k} className="volumes-label faint mono">
                      {k}={v}
                    </span>
                  ))}
              </th>
              <td>{r.driver}</td>
              <td className="mono volumes-path" title={r.mountpoint}>
                {r.mountpoint}
              </td>
              <SizeCell usage={usage} name={r.name} />
              <td>
                <UsedBy containers={r.containers} empty={t('volumes.unused')} />
              </td>
              <td>{r.created ? <CreatedCell created={Date.parse(r.created) / 1000} nowMs={nowMs} /> : null}</td>
              <td className="resource-actions">
                <button type="button" className="icon-button" onClick={() => onRemove(r.name)} aria-label={t('volumes.actions.removeOne', { name: r.name })} title={t('volumes.actions.removeOne', { name: r.name })} data-testid="volume-remove">
                  <Icon name="trash" size={16} />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
