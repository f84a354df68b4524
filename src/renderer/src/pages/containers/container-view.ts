/** What the table shows: the CLI's rows searched, sorted and (optionally) grouped by Compose project. */
import { portText, type ContainerRow } from '../../../../shared/container-list';
import { nextSortBy, searchByWords, stableSort, type SortBy } from '../../components/table/table-logic';

export type SortColumn = 'name' | 'image' | 'command' | 'created' | 'status' | 'ports' | 'logs';
export type SortState = SortBy<SortColumn>;

/** One line of the virtualised table: a project's header or a container. */
export type ViewItem =
  | { kind: 'group'; key: string; project: string; count: number; running: number; collapsed: boolean }
  | { kind: 'row'; key: string; row: ContainerRow; grouped: boolean };

/** Case-insensitive; every word must match the name, image, ID, project, command, status or ports. */
export function searchRows(rows: readonly ContainerRow[], query: string): ContainerRow[] {
  return searchByWords(rows, query, (r) => `${r.name} ${r.image} ${r.id} ${r.project ?? ''} ${r.command} ${r.status} ${r.ports.map(portText).join(' ')}`);
}

/** The dashboard's three counts, as `docker info` makes them: paused, running, and every other state is stopped. */
export const STATE_FILTERS = ['running', 'paused', 'stopped'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export function isStateFilter(value: string | undefined): value is StateFilter {
  return (STATE_FILTERS as readonly string[]).includes(value ?? '');
}

export function inState(row: ContainerRow, filter: StateFilter | null): boolean {
  if (filter === null) return true;
  if (filter === 'stopped') return row.state !== 'running' && row.state !== 'paused';
  return row.state === filter;
}

const STATE_ORDER = ['running', 'restarting', 'paused', 'created', 'removing', 'exited', 'dead'];

/** Each container's log bytes (null: no local file), when measured. */
export type LogSizes = ReadonlyMap<string, number | null>;

function sortValue(row: ContainerRow, column: SortColumn, logs: LogSizes | undefined): string | number {
  switch (column) {
    case 'name':
      return row.name;
    case 'image':
      return row.image;
    case 'command':
      return row.command;
    case 'created':
      return row.created;
    case 'status':
      return STATE_ORDER.indexOf(row.state) * 1e12 - row.created;
    case 'ports':
      return row.ports.find((p) => p.publicPort !== undefined)?.publicPort ?? 1e6 + (row.ports[0]?.privatePort ?? 1e6);
    case 'logs':
      // Not measured, or no local file, sorts below an empty log.
      return logs?.get(row.id) ?? -1;
  }
}

/** A stable sort: equal values keep the engine's order (newest first, like docker ps). */
export function sortRows(rows: readonly ContainerRow[], sort: SortState | null, logs?: LogSizes): ContainerRow[] {
  return sort ? stableSort(rows, sort.direction, (row) => sortValue(row, sort.column, logs)) : [...rows];
}

export function nextSort(current: SortState | null, column: SortColumn): SortState {
  return nextSortBy(current, column, column === 'created' || column === 'logs');
}

/** Projects first (by name, each with its containers in sort order), then the containers of no project. */
export function viewItems(rows: readonly ContainerRow[], group: boolean, collapsed: ReadonlySet<string>): ViewItem[] {
  if (!group) return rows.map((row) => ({ kind: 'row', key: row.id, row, grouped: false }));
  const projects = new Map<string, ContainerRow[]>();
  const loose: ContainerRow[] = [];
  for (const row of rows) {
    if (row.project === null) loose.push(row);
    else projects.set(row.project, [...(projects.get(row.project) ?? []), row]);
  }
  const items: ViewItem[] = [];
  for (const project of [...projects.keys()].sort(new Intl.Collator(undefined, { numeric: true }).compare)) {
    const members = projects.get(project) ?? [];
    const isCollapsed = collapsed.has(project);
    items.push({ kind: 'group', key: `group:${project}`, project, count: members.length, running: members.filter((r) => r.state === 'running').length, collapsed: isCollapsed });
    if (!isCollapsed) for (const row of members) items.push({ kind: 'row', key: row.id, row, grouped: true });
  }
  for (const row of loose) items.push({ kind: 'row', key: row.id, row, grouped: false });
  return items;
}
