import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineageImage } from '../../../../shared/image-details';
import type { ImageDiskUsage, ImageRow } from '../../../../shared/images';
import { imageSize } from '../../../../shared/units';
import { SelectAllBox, SortButton, SpacerRow, useVirtualRows } from '../../components/table/VirtualTable';
import { shortId } from './cli-text';
import { CreatedCell } from '../../components/CreatedCell';
import type { SortColumn, SortState } from './image-rows';
import type { ImagesDialog } from './ImagesDialogs';
import { rowReference } from './row-reference';
import { RowMenu } from './RowMenu';
import { MiddleEllipsis } from '../../components/MiddleEllipsis';

const ROW_HEIGHT = 41;

interface Column {
  id: SortColumn;
  className: string;
}

const COLUMNS: readonly Column[] = [
  { id: 'repository', className: 'col-repository' },
  { id: 'tag', className: 'col-tag' },
  { id: 'digest', className: 'col-digest' },
  { id: 'id', className: 'col-id' },
  { id: 'created', className: 'col-created' },
  { id: 'size', className: 'col-size num' },
  { id: 'unique', className: 'col-unique num' },
  { id: 'shared', className: 'col-shared num' },
  { id: 'containers', className: 'col-containers' },
];

export interface ImagesTableProps {
  rows: readonly ImageRow[];
  usage: ImageDiskUsage | null;
  /** True while the disk usage is being measured for the first time. */
  measuring: boolean;
  digests: boolean;
  sort: SortState | null;
  nowMs: number;
  onSort(column: SortColumn): void;
  /** Row keys that are checked. */
  selected: ReadonlySet<string>;
  onSelect(key: string, checked: boolean): void;
  onSelectAll(checked: boolean): void;
  onOpen(dialog: ImagesDialog): void;
  /** For each intermediate image: the tagged images it is a build step of. */
  owners: ReadonlyMap<string, readonly LineageImage[]>;
}

interface RowProps {
  row: ImageRow;
  usage: ImageDiskUsage | null;
  measuring: boolean;
  digests: boolean;
  nowMs: number;
  checked: boolean;
  onSelect(key: string, checked: boolean): void;
  onOpen(dialog: ImagesDialog): void;
  owners: readonly LineageImage[] | undefined;
}

function isIntermediate(row: ImageRow): boolean {
  return row.repository === '<none>' && row.tag === '<none>' && !row.dangling;
}

function ContainersCell({ row }: { row: ImageRow }): ReactElement {
  const { t } = useTranslation();
  const { running, other, names } = row.containers;
  if (running + other === 0)
    return (
      <span className="chip chip--muted" title={t('images.badge.unusedTitle')} data-testid="badge-unused">
        {t('images.badge.unused')}
      </span>
    );
  return (
    <span className="images-containers" title={names.join('\n')}>
      {running > 0 ? <span className="chip chip--success">{t('images.containers.running', { count: running })}</span> : null}
      {other > 0 ? <span className="chip chip--muted">{t('images.containers.other', { count: other })}</span> : null}
    </span>
  );
}

function Row({ row, usage, measuring, digests, nowMs, checked, onSelect, onOpen, owners }: RowProps): ReactElement {
  const { t } = useTranslation();
  const u = usage?.images[row.id];
  const sizeCell = (bytes: number | undefined): ReactElement =>
    bytes === undefined ? <span className="faint">{measuring ? '…' : '—'}</span> : <>{imageSize(bytes)}</>;
  return (
    <tr
      data-testid="image-row"
      data-repository={row.repository}
      data-tag={row.tag}
      data-id={row.id}
      data-dangling={row.dangling}
      aria-selected={checked}
      className={checked ? 'is-selected' : undefined}
      style={{ height: ROW_HEIGHT }}
    >
      <td className="col-select">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onSelect(row.key, e.target.checked)}
          aria-label={t('images.actions.selectRow', { image: rowReference(row) })}
          data-testid="image-select"
        />
      </td>
      <td className="col-repository">
        <span className="images-repo">
          <button
            type="button"
            className={row.repository === '<none>' ? (isIntermediate(row) && owners && owners.length > 0 ? 'images-repo__name visually-hidden' : 'images-repo__name faint') : 'images-repo__name'}
            translate="no"
            aria-label={t('images.actions.openDetails', { image: rowReference(row) })}
            data-testid="image-open"
            onClick={() => onOpen({ kind: 'details', image: row.id })}
          >
            <MiddleEllipsis text={row.repository} />
          </button>
          {row.dangling ? (
            <span className="chip chip--warning" title={t('images.badge.danglingTitle')} data-testid="badge-dangling">
              {t('images.badge.dangling')}
            </span>
          ) : null}
          {isIntermediate(row) ? (
            <span className="chip chip--muted" title={t('images.badge.intermediateTitle')} data-testid="badge-intermediate">
              {t('images.badge.intermediate')}
            </span>
          ) : null}
          {isIntermediate(row) && owners && owners.length > 0 ? (
            <button
              type="button"
              className="images-repo__owner"
              title={t('images.lineage.ownersTitle', { refs: owners.map((o) => o.ref ?? shortId(o.id)).join(', ') })}
              onClick={() => onOpen({ kind: 'details', image: row.id })}
              data-testid="image-owner"
            >
              <MiddleEllipsis text={owners.length === 1 ? t('images.lineage.of', { ref: owners[0]?.ref ?? '' }) : t('images.lineage.ofMore', { ref: owners[0]?.ref ?? '', more: owners.length - 1 })} />
            </button>
          ) : null}
        </span>
      </td>
      <td className={row.tag === '<none>' ? 'col-tag faint' : 'col-tag'}>
        <span className="ellipsis" title={row.tag} translate="no">
          {row.tag}
        </span>
      </td>
      {digests ? (
        <td className="col-digest mono">
          <span className="ellipsis" title={row.digest}>
            {row.digest}
          </span>
        </td>
      ) : null}
      <td className="col-id mono" title={row.id}>
        {shortId(row.id)}
      </td>
      <td className="col-created">
        <CreatedCell created={row.created} nowMs={nowMs} />
      </td>
      <td className="col-size num">{imageSize(row.size)}</td>
      <td className="col-unique num">{sizeCell(u?.uniqueSize)}</td>
      <td className="col-shared num">{sizeCell(u?.sharedSize)}</td>
      <td className="col-containers">
        <ContainersCell row={row} />
      </td>
      <td className="col-menu">
        <RowMenu row={row} onOpen={onOpen} />
      </td>
    </tr>
  );
}

/** The image rows, virtualised: only the rows in view (and a few either side) are in the DOM. */
export function ImagesTable({ rows, usage, measuring, digests, sort, nowMs, onSort, selected, onSelect, onSelectAll, onOpen, owners }: ImagesTableProps): ReactElement {
  const { t } = useTranslation();
  const { scrollRef, items, top, bottom } = useVirtualRows(rows.length, ROW_HEIGHT, (index) => rows[index]?.key ?? index);
  const checkedCount = rows.reduce((n, r) => (selected.has(r.key) ? n + 1 : n), 0);
  const columns = COLUMNS.filter((c) => digests || c.id !== 'digest');
  const span = columns.length + 2;
  const tooltip: Partial<Record<SortColumn, string>> = {
    size: t('images.tooltip.size'),
    unique: t('images.tooltip.unique'),
    shared: t('images.tooltip.shared'),
    created: t('images.tooltip.created'),
    id: t('images.tooltip.id'),
  };

  return (
    <div className="virtual-table__scroll" ref={scrollRef}>
      <table className={digests ? 'table virtual-table images-table images-table--digests' : 'table virtual-table images-table'} data-testid="images-table" aria-rowcount={rows.length + 1}>
        <colgroup>
          <col className="col-select" />
          {columns.map((c) => (
            <col key={c.id} className={c.className.replace(' num', '')} />
          ))}
          <col className="col-menu" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="col-select">
              <SelectAllBox checkedCount={checkedCount} total={rows.length} onChange={onSelectAll} label={t('images.actions.selectAll')} testId="images-select-all" />
            </th>
            {columns.map((c) => {
              const active = sort?.column === c.id;
              return (
                <th key={c.id} scope="col" className={c.className} aria-sort={active ? sort.direction : 'none'} title={tooltip[c.id]}>
                  <SortButton
                    label={t(`images.column.${c.id}`)}
                    direction={active ? sort.direction : null}
                    onSort={() => onSort(c.id)}
                    testId={`sort-${c.id}`}
                    info={tooltip[c.id] !== undefined && c.id !== 'created' && c.id !== 'id'}
                  />
                </th>
              );
            })}
            <th scope="col" className="col-menu">
              <span className="visually-hidden">{t('images.actions.menuLabel', { image: '' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={top} span={span} />
          {items.map((item) => {
            const row = rows[item.index];
            return row ? (
              <Row
                key={item.key}
                row={row}
                usage={usage}
                measuring={measuring}
                digests={digests}
                nowMs={nowMs}
                checked={selected.has(row.key)}
                onSelect={onSelect}
                onOpen={onOpen}
                owners={owners.get(row.id)}
              />
            ) : null;
          })}
          <SpacerRow height={bottom} span={span} />
        </tbody>
      </table>
    </div>
  );
}
