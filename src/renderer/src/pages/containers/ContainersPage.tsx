import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerAction, ContainerRow } from '../../../../shared/container-list';
import { call } from '../../api';
import { useDialogRoute, type DialogCodec } from '../../hooks/use-dialog-route';
import { ContainersFormatDialog } from './ContainersFormatDialog';
import { CommandBlock } from '../../components/CommandBlock';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { SearchField } from '../../components/table/VirtualTable';
import { Spinner } from '../../components/Spinner';
import { useContainersStore } from '../../stores/containers-store';
import { EngineGate } from '../../components/EngineGate';
import { useStartedTask } from '../../stores/use-started-task';
import { isDestructive, rowsFor, type DestructiveAction } from './container-actions';
import { inState, isStateFilter, nextSort, searchRows, sortRows, viewItems, type SortColumn, type SortState } from './container-view';
import { useRouteStore } from '../../stores/route-store';
import { ContainerDetailsDialog } from './details/ContainerDetailsDialog';
import { ConfirmActionDialog } from './ConfirmActionDialog';
import { ContainersTable } from './ContainersTable';
import { useLogSizes } from './use-log-sizes';
import { QuickActionNotice, SelectionBar } from './SelectionBar';
import { RunDialog } from './run/RunDialog';
import '../../styles/containers.css';

type ContainersDialog = { kind: 'run' } | { kind: 'format' } | { kind: 'details'; id: string } | { kind: 'confirm'; action: DestructiveAction; rows: ContainerRow[] };

/** Run, --format and details have a URL; a stop or remove confirmation never does. */
const CONTAINERS_DIALOG_CODEC: DialogCodec<ContainersDialog> = {
  keys: ['id'],
  encode: (d) => (d.kind === 'run' || d.kind === 'format' ? { dialog: d.kind } : d.kind === 'details' ? { dialog: d.kind, id: d.id } : null),
  decode: (q) => (q.dialog === 'run' || q.dialog === 'format' ? { kind: q.dialog } : q.dialog === 'details' && q.id ? { kind: 'details', id: q.id } : null),
};

/** `docker ps [-a]`, searchable, sortable and grouped by Compose project, live from Docker events. */
function ContainersList(): ReactElement {
  const { t } = useTranslation();
  const { input, list, listError, loading, apply, refresh } = useContainersStore();
  const all = input.all;
  const setAll = (next: boolean): Promise<void> => apply({ all: next });
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);
  const [group, setGroup] = useState(true);
  const [stats, setStats] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [transientDialog, setTransientDialog] = useState<ContainersDialog | null>(null);
  const [dialog, setDialog] = useDialogRoute(CONTAINERS_DIALOG_CODEC, transientDialog, setTransientDialog);
  const quick = useStartedTask<'container-action'>();
  // The dashboard's tiles open this page on one of its counts (#/containers?state=stopped).
  const routeState = useRouteStore((s) => s.query.state);
  const navigate = useRouteStore((s) => s.navigate);
  const stateFilter = isStateFilter(routeState) ? routeState : null;
  const needsAll = stateFilter !== null && stateFilter !== 'running';
  useEffect(() => {
    if (needsAll && !all) void apply({ all: true });
  }, [needsAll, all, apply]);

  // Log sizes: a column of their own, measured through the engine once the list settles (not with live stats).
  const logSizes = useLogSizes(list?.rows, !stats);
  const shown = useMemo(() => sortRows(searchRows((list?.rows ?? []).filter((r) => inState(r, stateFilter)), query), sort, logSizes), [list, query, sort, stateFilter, logSizes]);
  const items = useMemo(() => viewItems(shown, group, collapsed), [shown, group, collapsed]);
  // Containers that left the list (removed, filtered out) drop out of the selection.
  const selectedRows = useMemo(() => shown.filter((r) => checked.has(r.id)), [shown, checked]);
  const selected = useMemo(() => new Set(selectedRows.map((r) => r.id)), [selectedRows]);

  const onSelect = useCallback((ids: readonly string[], on: boolean) => {
    setChecked((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const onToggleGroup = useCallback((project: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(project)) next.add(project);
      return next;
    });
  }, []);
  const onAction = (action: ContainerAction, rows: ContainerRow[]): void => {
    const targets = rowsFor(action, rows);
    if (targets.length === 0) return;
    if (isDestructive(action)) setDialog({ kind: 'confirm', action, rows: targets });
    else void quick.start(() => call('containers.action', { ids: targets.map((r) => r.id), action }));
  };
  const closeDialog = useCallback(() => setDialog(null), [setDialog]);

  let body: ReactElement;
  if (list === null && loading) body = <Spinner />;
  else if (list === null) body = <div className="containers-empty" />;
  else if (list.rows.length === 0)
    body = (
      <div className="containers-empty" data-testid="containers-empty">
        <div className="containers-empty__icon">
          <Icon name="containers" size={28} />
        </div>
        <h2>{all ? t('containers.empty.titleAll') : t('containers.empty.title')}</h2>
        <p className="muted">{t('containers.empty.body')}</p>
        <CommandBlock commands={[{ command: 'docker run -d --name web -p 8080:80 nginx' }]} />
        {all ? null : (
          <button type="button" className="button button--subtle" onClick={() => void setAll(true)}>
            {t('containers.empty.showAll')}
          </button>
        )}
      </div>
    );
  else if (shown.length === 0)
    body = (
      <div className="containers-empty" data-testid="containers-no-match">
        <h2>{t('containers.noMatch.title')}</h2>
        <p className="muted">{t('containers.noMatch.search', { query })}</p>
        <button type="button" className="button button--subtle" onClick={() => setQuery('')}>
          {t('containers.noMatch.clearSearch')}
        </button>
      </div>
    );
  else
    body = (
      <ContainersTable
        items={items}
        rows={shown}
        sort={sort}
        nowMs={list.listedAt}
        onSort={(c: SortColumn) => setSort((s) => nextSort(s, c))}
        selected={selected}
        onSelect={onSelect}
        onToggleGroup={onToggleGroup}
        onAction={onAction}
        onDetails={(id) => setDialog({ kind: 'details', id })}
        stats={stats}
        logSizes={logSizes}
      />
    );

  return (
    <>
      <div className="containers-toolbar">
        <button type="button" className="button button--primary" data-testid="containers-run" onClick={() => setDialog({ kind: 'run' })}>
          <Icon name="play" size={16} />
          {t('containers.toolbar.run')}
        </button>
        <span className="containers-toolbar__spacer" />
        <label className="checkbox" title={t('containers.toolbar.allHint')}>
          <input type="checkbox" checked={all} onChange={(e) => void setAll(e.target.checked)} data-testid="containers-all" />
          {t('containers.toolbar.all')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={group} onChange={(e) => setGroup(e.target.checked)} data-testid="containers-group" />
          {t('containers.toolbar.group')}
        </label>
        <label className="checkbox" title={t('containers.toolbar.statsHint')}>
          <input type="checkbox" checked={stats} onChange={(e) => setStats(e.target.checked)} data-testid="containers-stats" />
          {t('containers.toolbar.stats')}
        </label>
      </div>
      {listError ? (
        <ErrorNotice title={t('containers.loadFailed')} error={listError} onRetry={() => void refresh()} />
      ) : null}
      <QuickActionNotice quick={quick} />
      <section className="card list-card">
        <header className="list-card__bar">
          <SearchField value={query} onChange={setQuery} placeholder={t('containers.search')} label={t('containers.searchLabel')} testId="containers-search" />
          {stateFilter ? (
            <span className="chip chip--accent containers-state-filter" data-testid="containers-state-filter" data-state={stateFilter}>
              {t(`containers.stateFilter.${stateFilter}`)}
              <button type="button" className="containers-state-filter__clear" onClick={() => navigate('containers')} aria-label={t('containers.stateFilter.clear')} title={t('containers.stateFilter.clear')} data-testid="containers-state-filter-clear">
                ×
              </button>
            </span>
          ) : null}
          <span className="muted containers-count">
            <strong data-testid="containers-count">{shown.length}</strong> {t('containers.countOf', { total: list?.rows.length ?? 0 })}
          </span>
          {selectedRows.length > 0 ? <SelectionBar rows={selectedRows} onAction={onAction} onClear={() => setChecked(new Set())} /> : null}
          <span className="containers-toolbar__spacer" />
          <code className="containers-command mono faint" data-testid="containers-command">
            {(list?.command ?? ['docker', 'ps', ...(all ? ['-a'] : [])]).join(' ')}
          </code>
          <button type="button" className="button button--small button--subtle" title={t('format.openTitle')} onClick={() => setDialog({ kind: 'format' })} data-testid="containers-format">
            {t('format.open')}
          </button>
        </header>
        {body}
      </section>
      {dialog?.kind === 'run' ? <RunDialog onClose={closeDialog} /> : null}
      {dialog?.kind === 'format' ? <ContainersFormatDialog all={all} onClose={closeDialog} /> : null}
      {dialog?.kind === 'details' ? <ContainerDetailsDialog key={dialog.id} id={dialog.id} onClose={closeDialog} /> : null}
      {dialog?.kind === 'confirm' ? <ConfirmActionDialog action={dialog.action} rows={dialog.rows} onClose={closeDialog} onStarted={() => setChecked(new Set())} /> : null}
    </>
  );
}

export function ContainersPage(): ReactElement {
  useEffect(() => useContainersStore.startSync(), []);
  return (
    <div className="page containers-page" data-testid="page-containers">
      <EngineGate>{() => <ContainersList />}</EngineGate>
    </div>
  );
}
