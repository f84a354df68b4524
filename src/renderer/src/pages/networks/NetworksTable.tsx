import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkRow } from '../../../../shared/network-list';
import { Icon } from '../../components/Icon';
import { UsedBy } from '../../components/UsedBy';

interface Props {
  rows: readonly NetworkRow[];
  selected: ReadonlySet<string>;
  onSelect(id: string, on: boolean): void;
  onSelectAll(on: boolean): void;
  onRemove(id: string): void;
  onContainers(id: string): void;
}

function Lines({ values }: { values: readonly string[] }): ReactElement {
  if (values.length === 0) return <span className="faint">—</span>;
  return (
    <span className="networks-lines mono">
      {values.map((v) => (
        <span key={v}>{v}</span>
      ))}
    </span>
  );
}

/** `docker network ls` with what the CLI needs `network inspect` for: subnets, gateways, containers. */
export function NetworksTable({ rows, selected, onSelect, onSelectAll, onRemove, onContainers }: Props): ReactElement {
  const { t } = useTranslation();
  const removable = rows.filter((r) => !r.builtin);
  const allChecked = removable.length > 0 && removable.every((r) => selected.has(r.id));
  return (
    <div className="table-wrap resource-table-wrap">
      <table className="table resource-table" data-testid="networks-table">
        <thead>
          <tr>
            <th className="resource-check">
              <input type="checkbox" checked={allChecked} disabled={removable.length === 0} onChange={(e) => onSelectAll(e.target.checked)} aria-label={t('networks.selectAll')} />
            </th>
            <th>{t('networks.column.name')}</th>
            <th>{t('networks.column.id')}</th>
            <th>{t('networks.column.driver')}</th>
            <th>{t('networks.column.scope')}</th>
            <th>{t('networks.column.subnet')}</th>
            <th>{t('networks.column.containers')}</th>
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="network-row" data-name={r.name} data-id={r.id} aria-selected={selected.has(r.id)}>
              <td className="resource-check">
                {r.builtin ? null : <input type="checkbox" checked={selected.has(r.id)} onChange={(e) => onSelect(r.id, e.target.checked)} aria-label={t('networks.selectRow', { name: r.name })} />}
              </td>
              <th scope="row" className="resource-name">
                <span className="resource-name__text">{r.name}</span>
                {r.builtin ? (
                  <span className="chip chip--muted" title={t('networks.builtinTitle')}>
                    {t('networks.builtin')}
                  </span>
                ) : null}
                {r.internal ? (
                  <span className="chip chip--warning" title={t('networks.internalTitle')}>
                    {t('networks.internal')}
                  </span>
                ) : null}
              </th>
              <td className="mono networks-id" title={r.id}>
                {r.id.slice(0, 12)}
              </td>
              <td>{r.driver}</td>
              <td>{r.scope}</td>
              <td>
                <Lines values={r.subnets} />
                {r.gateways.length > 0 ? (
                  <span className="networks-gateway faint">
                    {t('networks.gatewayShort')} <Lines values={r.gateways} />
                  </span>
                ) : null}
              </td>
              <td>
                <div className="networks-containers">
                  <UsedBy containers={r.containers} empty={t('networks.noContainers')} />
                  {r.name === 'none' || r.name === 'host' ? null : (
                    <button type="button" className="button button--small button--ghost" onClick={() => onContainers(r.id)} title={t('networks.actions.containers', { name: r.name })} data-testid="network-containers">
                      {t('networks.actions.connect')}
                    </button>
                  )}
                </div>
              </td>
              <td className="resource-actions">
                {r.builtin ? null : (
                  <button type="button" className="icon-button" onClick={() => onRemove(r.id)} aria-label={t('networks.actions.removeOne', { name: r.name })} title={t('networks.actions.removeOne', { name: r.name })} data-testid="network-remove">
                    <Icon name="trash" size={16} />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
