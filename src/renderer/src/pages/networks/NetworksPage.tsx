import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogRoute, type DialogCodec } from '../../hooks/use-dialog-route';
import type { WharfErrorInfo } from '../../../../shared/errors';
import type { NetworkRow } from '../../../../shared/network-list';
import type { UsingContainer } from '../../../../shared/volume-list';
import { call } from '../../api';
import { CommandBlock } from '../../components/CommandBlock';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useNetworksStore } from '../../stores/networks-store';
import '../../styles/volumes.css';
import '../../styles/networks.css';
import { EngineGate } from '../../components/EngineGate';
import { ListError, SearchBar } from '../../components/SearchBar';
import { useChecked } from '../../hooks/use-checked';
import { AttachDialog } from './AttachDialog';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { NetworksTable } from './NetworksTable';
import { RemoveNetworksDialog } from './RemoveNetworksDialog';

type NetworksDialog = { kind: 'create' } | { kind: 'remove'; ids: string[] } | { kind: 'prune'; rows: NetworkRow[] } | { kind: 'attach'; id: string };

/** Create and attach have a URL; remove and prune (they delete) never do. */
const NETWORKS_DIALOG_CODEC: DialogCodec<NetworksDialog> = {
  keys: ['id'],
  encode: (d) => (d.kind === 'create' ? { dialog: 'create' } : d.kind === 'attach' ? { dialog: 'attach', id: d.id } : null),
  decode: (q) => (q.dialog === 'create' ? { kind: 'create' } : q.dialog === 'attach' && q.id ? { kind: 'attach', id: q.id } : null),
};

function matches(row: NetworkRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return [row.name, row.id, row.driver, ...row.subnets, ...row.gateways, ...row.containers.map((c) => c.name)].some((text) => text.toLowerCase().includes(q));
}

/** Every container the engine knows, from the networks' lists (each container is on one network at least). */
function everyContainer(rows: readonly NetworkRow[]): UsingContainer[] {
  const seen = new Map<string, UsingContainer>();
  for (const r of rows) for (const c of r.containers) seen.set(c.id, c);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** `docker network ls` with subnets and containers, searchable, live from Docker events. */
function NetworksList(): ReactElement {
  const { t } = useTranslation();
  const { list, listError, loading, refresh } = useNetworksStore();
  const [query, setQuery] = useState('');
  const [transientDialog, setTransientDialog] = useState<NetworksDialog | null>(null);
  const [dialog, setDialog] = useDialogRoute(NETWORKS_DIALOG_CODEC, transientDialog, setTransientDialog);
  const [planError, setPlanError] = useState<WharfErrorInfo | null>(null);
  const all = useMemo(() => list?.rows ?? [], [list]);
  // Sorted by name, as `docker network ls` prints them.
  const shown = useMemo(() => all.filter((r) => matches(r, query)).sort((a, b) => a.name.localeCompare(b.name)), [all, query]);
  const keys = useMemo(() => shown.filter((r) => !r.builtin).map((r) => r.id), [shown]);
  const checked = useChecked(keys);
  const byId = new Map(all.map((r) => [r.id, r]));

  const openPrune = async (): Promise<void> => {
    setPlanError(null);
    const answer = await call('networks.prunePlan', {});
    if (answer.ok) setDialog({ kind: 'prune', rows: answer.value.networks });
    else setPlanError(answer.error);
  };

  let body: ReactElement;
  if (list === null && loading) body = <Spinner />;
  else if (list === null) body = <div className="resource-empty" />;
  else if (shown.length === 0)
    body = (
      <div className="resource-empty" data-testid="networks-no-match">
        <h2>{t('networks.noMatch.title')}</h2>
        <p className="muted">{t('networks.noMatch.body', { query })}</p>
        <button type="button" className="button button--subtle" onClick={() => setQuery('')}>
          {t('networks.noMatch.clear')}
        </button>
      </div>
    );
  else
    body = (
      <NetworksTable
        rows={shown}
        selected={checked.selected}
        onSelect={checked.select}
        onSelectAll={checked.selectAll}
        onRemove={(id) => setDialog({ kind: 'remove', ids: [id] })}
        onContainers={(id) => setDialog({ kind: 'attach', id })}
      />
    );

  const attachTo = dialog?.kind === 'attach' ? byId.get(dialog.id) : undefined;
  return (
    <>
      <div className="resource-toolbar">
        <button type="button" className="button button--primary" data-testid="networks-create" onClick={() => setDialog({ kind: 'create' })}>
          <Icon name="plus" size={16} />
          {t('networks.actions.create')}
        </button>
        <button type="button" className="button button--secondary" data-testid="networks-prune" onClick={() => void openPrune()}>
          <Icon name="trash" size={16} />
          {t('networks.actions.prune')}
        </button>
        <span className="resource-spacer" />
        <CommandBlock commands={[{ command: 'docker network ls' }]} testId="networks-command" />
      </div>
      {listError ? <ListError ns="networks" error={listError} onRetry={() => void refresh()} /> : null}
      {planError ? <ErrorNotice title={t('networks.prune.planFailed')} error={planError} /> : null}
      <section className="card resource-card">
        <SearchBar ns="networks" query={query} onQuery={setQuery} count={shown.length} total={all.length} checked={checked} onRemoveSelected={() => setDialog({ kind: 'remove', ids: [...checked.selected] })} />
        {body}
      </section>
      {dialog?.kind === 'create' ? (
        <CreateNetworkDialog
          onClose={() => setDialog(null)}
          onCreated={() => {
            setDialog(null);
            void refresh();
          }}
        />
      ) : null}
      {dialog?.kind === 'remove' || dialog?.kind === 'prune' ? (
        <RemoveNetworksDialog
          rows={dialog.kind === 'prune' ? dialog.rows : dialog.ids.map((id) => byId.get(id)).filter((r): r is NetworkRow => r !== undefined)}
          prune={dialog.kind === 'prune'}
          onClose={() => setDialog(null)}
          onDone={() => {
            checked.clear();
            void refresh();
          }}
        />
      ) : null}
      {attachTo ? <AttachDialog network={attachTo} everyone={everyContainer(all)} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

export function NetworksPage(): ReactElement {
  useEffect(() => useNetworksStore.startSync(), []);
  return (
    <div className="page networks-page" data-testid="page-networks">
      <EngineGate>{() => <NetworksList />}</EngineGate>
    </div>
  );
}
