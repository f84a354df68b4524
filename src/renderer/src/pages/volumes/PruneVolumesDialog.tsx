import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { shellQuote } from '../../../../shared/shell-quote';
import type { RemovalReport, VolumeRow } from '../../../../shared/volume-list';
import { call } from '../../api';
import { CommandBlock } from '../../components/CommandBlock';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { RemovalFooter } from '../../components/RemovalFooter';
import { useCall } from '../../hooks/use-call';
import { RemovalOutcomes } from './RemovalOutcomes';

function Group({ title, hint, rows, chosen, onChoose, testId }: { title: string; hint: string; rows: VolumeRow[]; chosen: ReadonlySet<string>; onChoose(name: string, on: boolean): void; testId: string }): ReactElement | null {
  if (rows.length === 0) return null;
  return (
    <section className="resource-group" data-testid={testId}>
      <h3>{title}</h3>
      <p className="field__hint">{hint}</p>
      <ul className="resource-list">
        {rows.map((r) => (
          <li key={r.name}>
            <label className="checkbox">
              <input type="checkbox" checked={chosen.has(r.name)} onChange={(e) => onChoose(r.name, e.target.checked)} data-testid="prune-volume" data-name={r.name} />
              <code className="mono">{r.name}</code>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The unused volumes: anonymous ones checked, named ones listed apart and unchecked. Exactly the checked
 * names are removed, one by one (never the engine's wide prune).
 */
export function PruneVolumesDialog({ onClose, onDone }: { onClose(): void; onDone(): void }): ReactElement {
  const { t } = useTranslation();
  const { data: plan, error: planError } = useCall('volumes.prunePlan', {});
  // Until the user ticks a box: the anonymous volumes, as the plan proposes.
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
  const chosen = picked ?? new Set(plan?.anonymous.map((v) => v.name));
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<WharfErrorInfo | null>(null);
  const [report, setReport] = useState<RemovalReport | null>(null);
  const error = planError ? { title: t('volumes.prune.planFailed'), info: planError } : removeError ? { title: t('volumes.prune.failed'), info: removeError } : null;

  const choose = (name: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    setPicked(next);
  };
  const names = [...(plan?.anonymous ?? []), ...(plan?.named ?? [])].map((v) => v.name).filter((n) => chosen.has(n));

  const submit = async (): Promise<void> => {
    setBusy(true);
    setRemoveError(null);
    const answer = await call('volumes.remove', { names });
    setBusy(false);
    if (answer.ok) {
      setReport(answer.value);
      onDone();
    } else setRemoveError(answer.error);
  };

  let body: ReactElement;
  if (report) body = <RemovalOutcomes report={report} />;
  else if (!plan) body = error ? <span /> : <Spinner />;
  else if (plan.anonymous.length + plan.named.length === 0) body = <p className="muted" data-testid="prune-nothing">{t('volumes.prune.nothing')}</p>;
  else
    body = (
      <>
        <Group title={t('volumes.prune.anonymous')} hint={t('volumes.prune.anonymousHint')} rows={plan.anonymous} chosen={chosen} onChoose={choose} testId="prune-anonymous" />
        <Group title={t('volumes.prune.named')} hint={t('volumes.prune.namedHint')} rows={plan.named} chosen={chosen} onChoose={choose} testId="prune-named" />
        {names.length > 0 ? (
          <div className="resource-command">
            <span className="field__hint">{t('volumes.command')}</span>
            <CommandBlock commands={[{ command: shellQuote(['docker', 'volume', 'rm', ...names]) }]} />
          </div>
        ) : null}
      </>
    );

  return (
    <Dialog
      title={t('volumes.prune.title')}
      subtitle={t('volumes.prune.subtitle')}
      onClose={onClose}
      busy={busy}
      size="wide"
      testId="volume-prune-dialog"
      footer={<RemovalFooter done={report !== null} busy={busy} count={names.length} confirm={t('volumes.prune.confirm', { count: names.length })} onClose={onClose} onConfirm={() => void submit()} testId="volume-prune" />}
    >
      <div className="resource-form">
        {body}
        {error ? <ErrorNotice title={error.title} error={error.info} /> : null}
      </div>
    </Dialog>
  );
}
