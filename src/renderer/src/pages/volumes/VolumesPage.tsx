import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogRoute, type DialogCodec } from '../../hooks/use-dialog-route';
import type { VolumeRow } from '../../../../shared/volume-list';
import { CommandBlock } from '../../components/CommandBlock';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useVolumesStore, useVolumeUsageStore } from '../../stores/volumes-store';
import '../../styles/volumes.css';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { EngineGate } from '../../components/EngineGate';
import { PruneVolumesDialog } from './PruneVolumesDialog';
import { RemoveVolumesDialog } from './RemoveVolumesDialog';
import { ListError, SearchBar } from '../../components/SearchBar';
import { useChecked } from '../../hooks/use-checked';
import { VolumesTable } from './VolumesTable';

type VolumesDialog = { kind: 'create' } | { kind: 'prune' } | { kind: 'remove'; names: string[] };

/** Create has a URL; prune and remove (they delete) never do. */
const VOLUMES_DIALOG_CODEC: DialogCodec<VolumesDialog> = {
  keys: [],
  encode: (d) => (d.kind === 'create' ? { dialog: 'create' } : null),
  decode: (q) => (q.dialog === 'create' ? { kind: 'create' } : null),
};

function matches(row: VolumeRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const texts = [row.name, row.driver, row.mountpoint, ...Object.entries(row.labels).map(([k, v]) => `${k}=${v}`), ...row.containers.map((c) => c.name)];
  return texts.some((text) => text.toLowerCase().includes(q));
}

/** `docker volume ls`, searchable, with sizes on demand, live from Docker events. */
function VolumesList(): ReactElement {
  const { t } = useTranslation();
  const { list, listError, loading, refresh } = useVolumesStore();
  const { usage, usageError, load: loadUsage } = useVolumeUsageStore();
  const [query, setQuery] = useState('');
  const [transientDialog, setTransientDialog] = useState<VolumesDialog | null>(null);
  const [dialog, setDialog] = useDialogRoute(VOLUMES_DIALOG_CODEC, transientDialog, setTransientDialog);
  const [measuring, setMeasuring] = useState(false);
  const all = useMemo(() => list?.rows ?? [], [list]);
  const existingNames = useMemo(() => new Set(all.map((v) => v.name)), [all]);
  // Named volumes first, each group by name (`docker volume ls` sorts by name; generated names are noise).
  const shown = useMemo(() => all.filter((r) => matches(r, query)).sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || a.name.localeCompare(b.name)), [all, query]);
  const keys = useMemo(() => shown.map((r) => r.name), [shown]);
  const checked = useChecked(keys);
  const byName = new Map(all.map((r) => [r.name, r]));
  const dialogRows = dialog?.kind === 'remove' ? dialog.names.map((n) => byName.get(n)).filter((r): r is VolumeRow => r !== undefined) : [];

  const measure = async (): Promise<void> => {
    setMeasuring(true);
    await loadUsage();
    setMeasuring(false);
  };

  let body: ReactElement;
  if (list === null && loading) body = <Spinner />;
  else if (list === null) body = <div className="resource-empty" />;
  else if (all.length === 0)
    body = (
      <div className="resource-empty" data-testid="volumes-empty">
        <Icon name="volumes" size={28} />
        <h2>{t('volumes.empty.title')}</h2>
        <p className="muted">{t('volumes.empty.body')}</p>
        <CommandBlock commands={[{ command: 'docker volume create mydata' }]} />
      </div>
    );
  else if (shown.length === 0)
    body = (
      <div className="resource-empty" data-testid="volumes-no-match">
        <h2>{t('volumes.noMatch.title')}</h2>
        <p className="muted">{t('volumes.noMatch.body', { query })}</p>
        <button type="button" className="button button--subtle" onClick={() => setQuery('')}>
          {t('volumes.noMatch.clear')}
        </button>
      </div>
    );
  else
    body = (
      <VolumesTable
        rows={shown}
        usage={usage}
        nowMs={list.listedAt}
        selected={checked.selected}
        onSelect={checked.select}
        onSelectAll={checked.selectAll}
        onRemove={(name) => setDialog({ kind: 'remove', names: [name] })}
      />
    );

  return (
    <>
      <div className="resource-toolbar">
        <button type="button" className="button button--primary" data-testid="volumes-create" onClick={() => setDialog({ kind: 'create' })}>
          <Icon name="plus" size={16} />
          {t('volumes.actions.create')}
        </button>
        <button type="button" className="button button--secondary" data-testid="volumes-prune" onClick={() => setDialog({ kind: 'prune' })}>
          <Icon name="trash" size={16} />
          {t('volumes.actions.prune')}
        </button>
        <button type="button" className="button button--secondary" data-testid="volumes-measure" onClick={() => void measure()} disabled={measuring} title={t('volumes.sizeNotMeasured')}>
          <Icon name="disk" size={16} />
          {measuring ? t('volumes.actions.measuring') : t('volumes.actions.measure')}
        </button>
        <span className="resource-spacer" />
        <CommandBlock commands={[{ command: usage ? 'docker system df -v' : 'docker volume ls' }]} testId="volumes-command" />
      </div>
      {listError ? <ListError ns="volumes" error={listError} onRetry={() => void refresh()} /> : null}
      <section className="card resource-card">
        <SearchBar ns="volumes" query={query} onQuery={setQuery} count={shown.length} total={all.length} checked={checked} onRemoveSelected={() => setDialog({ kind: 'remove', names: [...checked.selected] })} />
        {usageError ? <p className="volumes-note muted">{t('volumes.usageFailed')}</p> : null}
        {body}
      </section>
      {dialog?.kind === 'create' ? (
        <CreateVolumeDialog
          existing={existingNames}
          onClose={() => setDialog(null)}
          onCreated={() => {
            setDialog(null);
            void refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <RemoveVolumesDialog
          rows={dialogRows}
          onClose={() => setDialog(null)}
          onDone={() => {
            checked.clear();
            void refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'prune' ? <PruneVolumesDialog onClose={() => setDialog(null)} onDone={() => void refresh()} /> : null}
    </>
  );
}

export function VolumesPage(): ReactElement {
  useEffect(() => useVolumesStore.startSync(), []);
  return (
    <div className="page volumes-page" data-testid="page-volumes">
      <EngineGate>{() => <VolumesList />}</EngineGate>
    </div>
  );
}
