import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiskUsageDetail } from '../../../../shared/cleanup';
import { humanSize, imageSize } from '../../../../shared/units';
import { containerStatusText } from '../../components/container-status';
import { formatDate } from '../../i18n/date-format';

type Tab = 'images' | 'containers' | 'volumes' | 'buildCache';
const TABS: Tab[] = ['images', 'containers', 'volumes', 'buildCache'];
/** Rows drawn per table; the rest is counted (a big engine has thousands). */
const SHOWN = 100;

interface Column {
  key: string;
  num?: boolean;
}

function short(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** `docker system df -v`'s four tables, one at a time, sizes printed as the CLI prints them. */
export function DfTables({ detail }: { detail: DiskUsageDetail }): ReactElement {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<Tab>('images');
  const date = (ms: number | null): string => (ms ? formatDate(i18n.language, 'shortDateShortTime', ms) : '—');
  const yes = (b: boolean): string => (b ? t('cleanup.detail.yes') : t('cleanup.detail.no'));

  const tables: Record<Tab, { columns: Column[]; rows: Array<{ key: string; cells: ReactNode[] }> }> = {
    images: {
      columns: [{ key: 'name' }, { key: 'id' }, { key: 'size', num: true }, { key: 'shared', num: true }, { key: 'unique', num: true }, { key: 'containers', num: true }],
      rows: detail.images.map((i) => ({
        key: i.id,
        cells: [i.tags.join(', ') || t('cleanup.detail.none'), short(i.id), imageSize(i.size), humanSize(i.sharedSize), humanSize(i.uniqueSize), i.containers],
      })),
    },
    containers: {
      columns: [{ key: 'name' }, { key: 'id' }, { key: 'size', num: true }, { key: 'status' }, { key: 'created' }],
      rows: detail.containers.map((c) => ({ key: c.id, cells: [c.name, short(c.id), imageSize(c.size), containerStatusText(t, c.status), date(c.created)] })),
    },
    volumes: {
      columns: [{ key: 'name' }, { key: 'links', num: true }, { key: 'size', num: true }],
      rows: detail.volumes.map((v) => ({
        key: v.name,
        cells: [v.anonymous ? `${short(v.name)} (${t('cleanup.detail.anonymous')})` : v.name, v.links < 0 ? '—' : v.links, v.size < 0 ? '—' : humanSize(v.size)],
      })),
    },
    buildCache: {
      columns: [{ key: 'id' }, { key: 'type' }, { key: 'size', num: true }, { key: 'inUse' }, { key: 'lastUsed' }],
      rows: detail.buildCache.map((b) => ({ key: b.id, cells: [short(b.id), b.type, imageSize(b.size), yes(b.inUse), date(b.lastUsed)] })),
    },
  };
  const table = tables[tab];

  return (
    <div className="cleanup-usage-tables">
      <div className="cleanup-usage-tables__tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={`button button--small ${tab === name ? 'button--secondary' : 'button--subtle'}`}
            data-testid={`cleanup-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`cleanup.detail.${name}`, { count: tables[name].rows.length })}
          </button>
        ))}
      </div>
      {table.rows.length === 0 ? (
        <p className="muted">{t('cleanup.detail.empty')}</p>
      ) : (
        <div className="table-wrap cleanup-usage-tables__wrap">
          <table className="table" data-testid={`cleanup-table-${tab}`}>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.num ? 'num' : undefined}>
                    {t(`cleanup.detail.col.${c.key}` as 'cleanup.detail.col.name')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.slice(0, SHOWN).map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <td key={table.columns[i]?.key} className={table.columns[i]?.num ? 'num' : i === 0 ? 'cleanup-usage-tables__name' : 'mono'}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {table.rows.length > SHOWN ? <p className="faint">{t('cleanup.detail.more', { count: table.rows.length - SHOWN })}</p> : null}
        </div>
      )}
    </div>
  );
}
