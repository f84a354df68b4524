import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { shellQuote } from '../../../../shared/shell-quote';
import type { RemovalReport, VolumeRow } from '../../../../shared/volume-list';
import { call } from '../../api';
import { CommandBlock } from '../../components/CommandBlock';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { RemovalFooter } from '../../components/RemovalFooter';
import { RemovalOutcomes } from './RemovalOutcomes';

/** `docker volume rm NAME…` after a look at what goes: volumes in use stay, and named volumes take their data along. */
export function RemoveVolumesDialog({ rows, onClose, onDone }: { rows: readonly VolumeRow[]; onClose(): void; onDone(): void }): ReactElement {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [report, setReport] = useState<RemovalReport | null>(null);
  const goes = rows.filter((r) => r.containers.length === 0);
  const named = goes.some((r) => !r.anonymous);

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const answer = await call('volumes.remove', { names: goes.map((r) => r.name) });
    setBusy(false);
    if (answer.ok) {
      setReport(answer.value);
      onDone();
    } else setError(answer.error);
  };

  const footer = (
    <RemovalFooter done={report !== null} busy={busy} count={goes.length} confirm={t('volumes.remove.confirm', { count: goes.length })} onClose={onClose} onConfirm={() => void submit()} testId="volume-remove" />
  );

  return (
    <Dialog title={t('volumes.remove.title')} subtitle={t('volumes.remove.subtitle')} onClose={onClose} busy={busy} testId="volume-remove-dialog" footer={footer}>
      {report ? (
        <RemovalOutcomes report={report} />
      ) : (
        <div className="resource-form">
          {named ? (
            <div className="notice notice--warning" data-testid="volume-remove-warning">
              <Icon name="alert" />
              <div className="notice__body">
                <strong>{t('volumes.remove.warning')}</strong>
              </div>
            </div>
          ) : null}
          <ul className="resource-list">
            {rows.map((r) => (
              <li key={r.name}>
                <code className="mono">{r.name}</code>
                {r.containers.length > 0 ? (
                  <span className="chip chip--warning">{t('volumes.remove.inUse', { names: r.containers.map((c) => c.name).join(', ') })}</span>
                ) : (
                  <span className="chip chip--danger">{t('volumes.remove.goes')}</span>
                )}
              </li>
            ))}
          </ul>
          {goes.length === 0 ? <p className="muted">{t('volumes.remove.nothing')}</p> : null}
          {goes.length > 0 ? (
            <div className="resource-command">
              <span className="field__hint">{t('volumes.command')}</span>
              <CommandBlock commands={[{ command: shellQuote(['docker', 'volume', 'rm', ...goes.map((r) => r.name)]) }]} />
            </div>
          ) : null}
          {error ? <ErrorNotice title={t('volumes.remove.failed')} error={error} /> : null}
        </div>
      )}
    </Dialog>
  );
}
