import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerAction, ContainerRow } from '../../../../shared/container-list';
import type { StatsSample } from '../../../../shared/streams';
import { bytesSize, humanSize } from '../../../../shared/units';
import { useStats } from '../../components/stats/use-stats';
import { useSettled } from '../../hooks/use-settled';
import { Icon } from '../../components/Icon';
import { SelectAllBox, SortButton, SpacerRow, useVirtualRows } from '../../components/table/VirtualTable';
import { CreatedCell } from '../../components/CreatedCell';
import type { LogSizes, SortColumn, SortState, ViewItem } from './container-view';
import { ActionIcon } from './ActionIcon';
import { ContainerMenu } from './ContainerMenu';
import { PortsCell } from './PortsCell';
import { StatusCell } from './StatusCell';
import { stopsUnderWay } from './stop-countdown';
import { useTasksStore } from '../../stores/tasks-store';
import type { StopCountdown } from '../../../../shared/tasks';

const ROW_HEIGHT = 44;
/** At most this many containers in one stats stream (the contract's limit; more never fit on a screen). */
const STATS_MAX = 50;
const STATS_SETTLE_MS = 300;
const COLUMNS: readonly SortColumn[] = ['name', 'image', 'command', 'created', 'status', 'ports', 'logs'];
/** With live stats on, the stats take the place of the command and the creation time (as in docker stats). */
const STATS_COLUMNS: readonly SortColumn[] = ['name', 'image', 'status', 'ports'];

export interface ContainersTableProps {
  items: readonly ViewItem[];
  /** The containers shown (rows of expanded and collapsed groups): what "select all" selects. */
  rows: readonly ContainerRow[];
  sort: SortState | null;
  nowMs: number;
  onSort(column: SortColumn): void;
  selected: ReadonlySet<string>;
  onSelect(ids: readonly string[], checked: boolean): void;
  onToggleGroup(project: string): void;
  onAction(action: ContainerAction, rows: ContainerRow[]): void;
  onDetails(id: string): void;
  /** Live CPU and memory columns for the running containers in view (docker stats). */
  stats: boolean;
  /** Each container's log size, once measured. */
  logSizes?: LogSizes | undefined;
}

type RowProps = Pick<ContainersTableProps, 'nowMs' | 'onSelect' | 'onAction' | 'onDetails' | 'stats' | 'logSizes'> & { row: ContainerRow; grouped: boolean; checked: boolean; sample: StatsSample | undefined; stopping: StopCountdown | undefined };

function Row({ row, grouped, checked, nowMs, onSelect, onAction, onDetails, stats, sample, stopping, logSizes }: RowProps): ReactElement {
  const { t } = useTranslation();
  const running = row.state === 'running';
  const canStart = row.state === 'created' || row.state === 'exited';
  return (
    <tr data-testid="container-row" data-name={row.name} data-id={row.id} data-state={row.state} aria-selected={checked} className={checked ? 'is-selected' : undefined} style={{ height: ROW_HEIGHT }}>
      <td className="col-select">
        <input type="checkbox" checked={checked} onChange={(e) => onSelect([row.id], e.target.checked)} aria-label={t('containers.actions.selectRow', { name: row.name })} data-testid="container-select" />
      </td>
      <td className={grouped ? 'col-name containers-name--grouped' : 'col-name'}>
        <button type="button" className="containers-name ellipsis" title={`${row.name}\n${row.id}`} aria-label={t('containers.actions.openDetails', { name: row.name })} data-testid="container-open" onClick={() => onDetails(row.id)}>
          {row.name}
        </button>
        <span className="containers-id mono faint">{row.id.slice(0, 12)}</span>
      </td>
      <td className="col-image">
        <span className="ellipsis" title={row.image}>
          {row.image}
        </span>
      </td>
      {stats ? null : (
        <>
          <td className="col-command mono">
            <span className="ellipsis faint" title={row.command}>
              {row.command}
            </span>
          </td>
          <td className="col-created">
            <CreatedCell created={row.created} nowMs={nowMs} />
          </td>
        </>
      )}
      <td className="col-status">
        <StatusCell row={row} stopping={stopping} />
      </td>
      <td className="col-ports">
        <PortsCell ports={row.ports} />
      </td>
      {stats ? <StatsCells running={running} sample={sample} /> : <LogSizeCell bytes={logSizes?.get(row.id)} />}
      <td className="col-quick">
        {running || canStart ? (
          <button
            type="button"
            className="icon-button containers-quick"
            title={t(running ? 'containers.actions.stop' : 'containers.actions.start')}
            aria-label={`${t(running ? 'containers.actions.stop' : 'containers.actions.start')} ${row.name}`}
            data-testid={running ? 'container-stop' : 'container-start'}
            onClick={() => onAction(running ? 'stop' : 'start', [row])}
          >
            <ActionIcon action={running ? 'stop' : 'start'} />
          </button>
        ) : null}
      </td>
      <td className="col-menu">
        <ContainerMenu row={row} onAction={(action) => onAction(action, [row])} onDetails={() => onDetails(row.id)} />
      </td>
    </tr>
  );
}

/** The log files' size; a dash until measured, "none" for a driver that keeps no local file. */
function LogSizeCell({ bytes }: { bytes: number | null | undefined }): ReactElement {
  const { t } = useTranslation();
  return (
    <td className="col-logs num mono" data-testid="container-logs-size" data-bytes={bytes ?? undefined}>
      {bytes === undefined ? '—' : bytes === null ? <span className="faint" title={t('containers.logsNoFile')}>{t('containers.logsNone')}</span> : humanSize(bytes)}
    </td>
  );
}

/** CPU % and memory as docker stats prints them; a dash until the first sample, nothing for a container not running. */
function StatsCells({ running, sample }: { running: boolean; sample: StatsSample | undefined }): ReactElement {
  const cpu = sample?.cpuPercent;
  return (
    <>
      <td className="col-cpu num mono" data-testid="container-cpu">
        {running ? (cpu === undefined || cpu === null ? '—' : `${cpu.toFixed(2)}%`) : null}
      </td>
      <td className="col-memory num mono" data-testid="container-memory">
        {running ? (sample ? `${bytesSize(sample.memUsage)} / ${bytesSize(sample.memLimit)}` : '—') : null}
      </td>
    </>
  );
}

function GroupRow({ item, span, onToggle }: { item: Extract<ViewItem, { kind: 'group' }>; span: number; onToggle(): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <tr className="containers-group" data-testid="container-group" data-project={item.project} style={{ height: ROW_HEIGHT }}>
      <td colSpan={span}>
        <button type="button" className="containers-group__toggle" aria-expanded={!item.collapsed} aria-label={t('containers.group.toggle', { project: item.project })} onClick={onToggle}>
          <span className={item.collapsed ? 'containers-group__caret' : 'containers-group__caret is-open'} aria-hidden="true">
            ▶
          </span>
          <Icon name="layers" size={15} />
          <strong>{item.project}</strong>
          <span className="faint">{t('containers.group.label')}</span>
          <span className={item.running > 0 ? 'chip chip--success' : 'chip chip--muted'}>{t('containers.group.summary', { running: item.running, count: item.count })}</span>
        </button>
      </td>
    </tr>
  );
}

/** The containers, virtualised (only the rows in view are in the DOM), with Compose projects as collapsible groups. */
export function ContainersTable(props: ContainersTableProps): ReactElement {
  const { items, rows, sort, onSort, selected, onSelect, onToggleGroup, stats } = props;
  // Stops under way (from any running container-action task): their row counts down to SIGKILL.
  const tasks = useTasksStore((s) => s.tasks);
  const stops = useMemo(() => stopsUnderWay(tasks), [tasks]);
  const { t } = useTranslation();
  const { scrollRef, items: virtual, top, bottom } = useVirtualRows(items.length, ROW_HEIGHT, (index) => items[index]?.key ?? index);
  const checkedCount = rows.reduce((n, r) => (selected.has(r.id) ? n + 1 : n), 0);
  const columns = stats ? STATS_COLUMNS : COLUMNS;
  const span = columns.length + 3 + (stats ? 2 : 0);
  // docker stats for the running containers in view only: rows scrolled away or a switch turned off close the stream.
  const inView = stats
    ? virtual
        .flatMap((v) => {
          const item = items[v.index];
          return item?.kind === 'row' && item.row.state === 'running' ? [item.row.id] : [];
        })
        .slice(0, STATS_MAX)
    : [];
  // While scrolling the rows in view change on every frame: the stream follows them once they settle.
  const watched = useSettled(inView.join(','), STATS_SETTLE_MS);
  const { history } = useStats(useMemo(() => watched.split(',').filter(Boolean), [watched]));

  return (
    <div className="virtual-table__scroll" ref={scrollRef}>
      <table className={stats ? 'table virtual-table containers-table containers-table--stats' : 'table virtual-table containers-table'} data-testid="containers-table" aria-rowcount={items.length + 1}>
        <colgroup>
          <col className="col-select" />
          {columns.map((c) => (
            <col key={c} className={`col-${c}`} />
          ))}
          {stats ? (
            <>
              <col className="col-cpu" />
              <col className="col-memory" />
            </>
          ) : null}
          <col className="col-quick" />
          <col className="col-menu" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="col-select">
              <SelectAllBox checkedCount={checkedCount} total={rows.length} onChange={(on) => onSelect(rows.map((r) => r.id), on)} label={t('containers.actions.selectAll')} testId="containers-select-all" />
            </th>
            {columns.map((c) => {
              const active = sort?.column === c;
              return (
                <th key={c} scope="col" className={c === 'logs' ? 'col-logs num' : `col-${c}`} aria-sort={active ? sort.direction : 'none'}>
                  <SortButton label={t(`containers.column.${c}`)} direction={active ? sort.direction : null} onSort={() => onSort(c)} testId={`containers-sort-${c}`} />
                </th>
              );
            })}
            {stats ? (
              <>
                <th scope="col" className="col-cpu num">
                  {t('containers.column.cpu')}
                </th>
                <th scope="col" className="col-memory num" title={t('containers.column.memoryHint')}>
                  {t('containers.column.memory')}
                </th>
              </>
            ) : null}
            <th scope="col" className="col-quick" />
            <th scope="col" className="col-menu" />
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={top} span={span} />
          {virtual.map((v) => {
            const item = items[v.index];
            if (!item) return null;
            if (item.kind === 'group') return <GroupRow key={v.key} item={item} span={span} onToggle={() => onToggleGroup(item.project)} />;
            return <Row key={v.key} {...props} row={item.row} grouped={item.grouped} checked={selected.has(item.row.id)} sample={history[item.row.id]?.at(-1)} stopping={stops.get(item.row.id)} />;
          })}
          <SpacerRow height={bottom} span={span} />
        </tbody>
      </table>
    </div>
  );
}
