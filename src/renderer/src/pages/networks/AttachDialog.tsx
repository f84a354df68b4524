import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../shared/errors';
import type { NetworkRow } from '../../../../shared/network-list';
import { shellQuote } from '../../../../shared/shell-quote';
import type { UsingContainer } from '../../../../shared/volume-list';
import { call } from '../../api';
import { CommandBlock } from '../../components/CommandBlock';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';

/**
 * `docker network connect/disconnect` for one network. The candidates are every container the engine knows
 * (each one is on some network, `none` included), minus those already attached. The rows update from events.
 */
export function AttachDialog({ network, everyone, onClose }: { network: NetworkRow; everyone: readonly UsingContainer[]; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const attached = new Set(network.containers.map((c) => c.id));
  const candidates = everyone.filter((c) => !attached.has(c.id));
  const chosen = candidates.find((c) => c.id === choice);

  const run = async (action: 'connect' | 'disconnect', container: string): Promise<void> => {
    setBusy(true);
    setError(null);
    const answer = await call(action === 'connect' ? 'networks.connect' : 'networks.disconnect', { network: network.id, container });
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else if (action === 'connect') setChoice('');
  };

  return (
    <Dialog
      title={t('networks.attach.title', { name: network.name })}
      subtitle={t('networks.attach.subtitle')}
      onClose={onClose}
      busy={busy}
      testId="network-attach-dialog"
      footer={
        <button type="button" className="button button--primary" onClick={onClose} disabled={busy}>
          {t('volumes.close')}
        </button>
      }
    >
      <div className="resource-form">
        <section className="resource-group">
          <h3>{t('networks.attach.attached')}</h3>
          {network.containers.length === 0 ? <p className="muted">{t('networks.attach.none')}</p> : null}
          <ul className="resource-list">
            {network.containers.map((c) => (
              <li key={c.id} data-testid="attached-container" data-name={c.name}>
                <code className="mono">{c.name}</code>
                <span className="faint">{c.state}</span>
                <span className="resource-spacer" />
                <button type="button" className="button button--small button--secondary" disabled={busy} onClick={() => void run('disconnect', c.id)} data-testid="network-disconnect">
                  {t('networks.attach.disconnect')}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="resource-group">
          <h3>
            <label htmlFor="attach-container">{t('networks.attach.connectLabel')}</label>
          </h3>
          {candidates.length === 0 ? (
            <p className="muted">{t('networks.attach.noCandidates')}</p>
          ) : (
            <div className="networks-connect">
              <select id="attach-container" className="select" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="network-connect-choice">
                <option value="">{t('networks.attach.choose')}</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.state})
                  </option>
                ))}
              </select>
              <button type="button" className="button button--secondary" disabled={!chosen || busy} onClick={() => void run('connect', choice)} data-testid="network-connect">
                {t('networks.attach.connect')}
              </button>
            </div>
          )}
        </section>
        <div className="resource-command">
          <span className="field__hint">{t('networks.command')}</span>
          <CommandBlock
            commands={[
              { command: shellQuote(['docker', 'network', 'connect', network.name, chosen?.name ?? 'CONTAINER']) },
              { command: shellQuote(['docker', 'network', 'disconnect', network.name, 'CONTAINER']) },
            ]}
          />
        </div>
        {error ? <ErrorNotice title={t('networks.attach.failed')} error={error} /> : null}
      </div>
    </Dialog>
  );
}
