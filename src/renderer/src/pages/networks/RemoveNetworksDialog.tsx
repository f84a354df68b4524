import type { TFunction } from 'i18next';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../shared/errors';
import type { NetworkRow } from '../../../../shared/network-list';
import { shellQuote } from '../../../../shared/shell-quote';
import type { RemovalReport } from '../../../../shared/volume-list';
import { call } from '../../api';
import { CommandBlock } from '../../components/CommandBlock';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RemovalFooter } from '../../components/RemovalFooter';
import { RemovalOutcomes } from '../volumes/RemovalOutcomes';

function status(t: TFunction, r: NetworkRow): { text: string; kind: string } {
  if (r.builtin) return { text: t('networks.remove.builtin'), kind: 'chip--muted' };
  if (r.containers.length > 0) return { text: t('networks.remove.inUse', { names: r.containers.map((c) => c.name).join(', ') }), kind: 'chip--warning' };
  return { text: t('networks.remove.goes'), kind: 'chip--danger' };
}

/**
 * `docker network rm` (or the prune of chosen unused networks) after a look at what goes: built-in networks and
 * networks with containers stay. Removed by ID, so a network renamed or recreated since is not touched.
 */
export function RemoveNetworksDialog({ rows, prune, onClose, onDone }: { rows: readonly NetworkRow[]; prune: boolean; onClose(): void; onDone(): void }): ReactElement {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [report, setReport] = useState<RemovalReport | null>(null);
  const goes = rows.filter((r) => !r.builtin && r.containers.length === 0);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const ns = prune ? 'prune' : 'remove';

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const ids = goes.map((r) => r.id);
    const answer = await call('networks.remove', { ids });
    setBusy(false);
    if (answer.ok) {
      setReport(answer.value);
      onDone();
    } else setError(answer.error);
  };

  let body: ReactElement;
  if (report) body = <RemovalOutcomes report={report} label={(id) => names.get(id) ?? id} />;
  else
    body = (
      <>
        {rows.length === 0 ? <p className="muted" data-testid="prune-nothing">{t('networks.prune.nothing')}</p> : null}
        <ul className="resource-list">
          {rows.map((r) => {
            const s = status(t, r);
            return (
              <li key={r.id}>
                <code className="mono">{r.name}</code>
                <span className="faint mono">{r.id.slice(0, 12)}</span>
                <span className={`chip ${s.kind}`}>{s.text}</span>
              </li>
            );
          })}
        </ul>
        {rows.length > 0 && goes.length === 0 ? <p className="muted">{t('networks.remove.nothing')}</p> : null}
        {goes.length > 0 ? (
          <div className="resource-command">
            <span className="field__hint">{t('networks.command')}</span>
            <CommandBlock commands={[{ command: shellQuote(['docker', 'network', 'rm', ...goes.map((r) => r.name)]) }]} />
          </div>
        ) : null}
      </>
    );

  return (
    <Dialog
      title={t(`networks.${ns}.title`)}
      subtitle={t(`networks.${ns}.subtitle`)}
      onClose={onClose}
      busy={busy}
      testId={`network-${ns}-dialog`}
      footer={<RemovalFooter done={report !== null} busy={busy} count={goes.length} confirm={t(`networks.${ns}.confirm`, { count: goes.length })} onClose={onClose} onConfirm={() => void submit()} testId={`network-${ns}`} />}
    >
      <div className="resource-form">
        {body}
        {error ? <ErrorNotice title={t(`networks.${ns}.failed`)} error={error} /> : null}
      </div>
    </Dialog>
  );
}
