import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandBlock } from '../../components/CommandBlock';
import { ErrorNotice } from '../../components/ErrorNotice';
import { missingFilterImage } from './filter-problem';
import { belongsToIndex, type LineageNode } from '../../../../shared/image-lineage';
import type { ImageRow } from '../../../../shared/images';
import { Icon } from '../../components/Icon';
import { SearchField } from '../../components/table/VirtualTable';
import { Spinner } from '../../components/Spinner';
import { useImagesStore, useImageUsageStore } from '../../stores/images-store';
import { startImagesSync } from '../../stores/images-sync';
import { EngineGate } from '../../components/EngineGate';
import { listCommand, shownCommand } from './image-command';
import { nextSort, searchRows, sortRows, visibleRows, type SortColumn, type SortState } from './image-rows';
import { IMAGES_DIALOG_CODEC, ImagesDialogs, type ImagesDialog } from './ImagesDialogs';
import { ImagesFormatDialog } from './ImagesFormatDialog';
import { useDialogRoute } from '../../hooks/use-dialog-route';
import { ImagesExport } from './ImagesExport';
import { ImagesFilters } from './ImagesFilters';
import { ImagesTable } from './ImagesTable';
import { ImagesToolbar, SelectionBar } from './ImagesToolbar';
import { rowReference } from './row-reference';
import { useSelection } from './use-selection';

/** One lineage node per image: its first tag names it. */
function lineageNodes(rows: readonly ImageRow[]): LineageNode[] {
  const nodes = new Map<string, LineageNode>();
  for (const r of rows) {
    const ref = r.repository !== '<none>' && r.tag !== '<none>' ? `${r.repository}:${r.tag}` : null;
    const seen = nodes.get(r.id);
    if (!seen) nodes.set(r.id, { id: r.id, parentId: r.parentId, ref });
    else if (seen.ref === null && ref !== null) seen.ref = ref;
  }
  return [...nodes.values()];
}

function hasFilters(input: { filters: object; all: boolean }): boolean {
  return Object.keys(input.filters).length > 0;
}

/** `docker image ls` with its filters, searchable and sortable, live from Docker events. */
function ImagesList(): ReactElement {
  const { t } = useTranslation();
  const { input, list, listError, loading, apply, refresh } = useImagesStore();
  const missing = missingFilterImage(input, listError);
  const { diskUsage, diskUsageError } = useImageUsageStore();
  const [query, setQuery] = useState('');
  const [digests, setDigests] = useState(false);
  const [sort, setSort] = useState<SortState | null>(null);

  const all = useMemo(() => visibleRows(list?.rows ?? [], digests), [list, digests]);
  const shown = useMemo(() => sortRows(searchRows(all, query), sort, diskUsage), [all, query, sort, diskUsage]);
  // With -a: which tagged image each intermediate is a build step of.
  const owners = useMemo(() => belongsToIndex(lineageNodes(list?.rows ?? [])), [list]);
  // Relative times are as of the list's answer, like the CLI's own output; they refresh with it.
  const nowMs = list?.listedAt ?? 0;
  const command = shownCommand(list?.command ?? listCommand(input), digests);
  const onSort = (column: SortColumn): void => setSort((s) => nextSort(s, column));
  const [transientDialog, setTransientDialog] = useState<ImagesDialog | null>(null);
  const [dialog, setDialog] = useDialogRoute(IMAGES_DIALOG_CODEC, transientDialog, setTransientDialog);
  const selection = useSelection(shown);
  const selectedRefs = useMemo(() => shown.filter((r) => selection.selected.has(r.key)).map(rowReference), [shown, selection.selected]);
  // A finished build: its image is checked (and so highlighted) once the list has it.
  const onBuilt = (id: string): void => {
    setQuery('');
    selection.selectWhenListed(id);
  };

  let body: ReactElement;
  if (list === null && loading) body = <Spinner />;
  else if (list === null) body = <div className="images-empty" />;
  else if (list.rows.length === 0 && !hasFilters(input))
    body = (
      <div className="images-empty" data-testid="images-empty">
        <div className="images-empty__icon">
          <Icon name="images" size={28} />
        </div>
        <h2>{t('images.empty.title')}</h2>
        <p className="muted">{t('images.empty.body')}</p>
        <CommandBlock commands={[{ command: 'docker pull busybox' }]} />
      </div>
    );
  else if (shown.length === 0)
    body = (
      <div className="images-empty" data-testid="images-no-match">
        <h2>{t('images.noMatch.title')}</h2>
        <p className="muted">{query ? t('images.noMatch.search', { query }) : t('images.noMatch.filters')}</p>
        {query ? (
          <button type="button" className="button button--subtle" onClick={() => setQuery('')}>
            {t('images.noMatch.clearSearch')}
          </button>
        ) : null}
      </div>
    );
  else
    body = (
      <ImagesTable
        rows={shown}
        usage={diskUsage}
        measuring={diskUsage === null && diskUsageError === null}
        digests={digests}
        sort={sort}
        nowMs={nowMs}
        onSort={onSort}
        selected={selection.selected}
        onSelect={selection.select}
        onSelectAll={selection.selectAll}
        onOpen={setDialog}
        owners={owners}
      />
    );

  return (
    <>
      <ImagesToolbar input={input} listed={list?.rows.length ?? 0} onOpen={setDialog} />
      <ImagesFilters applied={input} missing={missing} command={command} rows={list?.rows ?? []} onApply={(next) => void apply(next)} />
      {listError && !missing ? (
        <ErrorNotice title={t('images.loadFailed')} error={listError} onRetry={() => void refresh()} />
      ) : null}
      <section className="card list-card">
        <header className="list-card__bar">
          <SearchField value={query} onChange={setQuery} placeholder={t('images.search')} label={t('images.searchLabel')} testId="images-search" />
          <span className="images-count muted">
            <strong data-testid="images-count">{shown.length}</strong> {t('images.countOf', { total: all.length, images: new Set(all.map((r) => r.id)).size })}
          </span>
          <label className="checkbox images-digests">
            <input type="checkbox" data-testid="images-toggle-digests" checked={digests} onChange={(e) => setDigests(e.target.checked)} />
            {t('images.digests')}
          </label>
          {selectedRefs.length > 0 ? <SelectionBar refs={selectedRefs} onOpen={setDialog} onClear={selection.clear} /> : null}
          <span className="images-filters__spacer" />
          <ImagesExport rows={shown} digests={digests} usage={diskUsage} onFormat={() => setDialog({ kind: 'format' })} />
        </header>
        {diskUsageError ? <p className="images-usage-error muted">{t('images.usageFailed')}</p> : null}
        {body}
      </section>
      {dialog?.kind === 'format' ? <ImagesFormatDialog input={input} digests={digests} onClose={() => setDialog(null)} /> : null}
      <ImagesDialogs dialog={dialog} onOpen={setDialog} onBuilt={onBuilt} onRemoving={selection.clear} />
    </>
  );
}

export function ImagesPage(): ReactElement {
  useEffect(() => startImagesSync(), []);
  return (
    <div className="page images-page" data-testid="page-images">
      <EngineGate>{() => <ImagesList />}</EngineGate>
    </div>
  );
}
