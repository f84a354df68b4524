import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerDetails } from '../../../../../shared/container-list';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import { call } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { LogViewer } from '../../../components/logs/LogViewer';
import { StatsPanel } from '../../../components/stats/StatsPanel';
import { TerminalPanel } from '../../../components/terminal/TerminalPanel';
import { useCall } from '../../../hooks/use-call';
import { DETAILS_TABS, DetailsSection, type DetailsTab } from './DetailsSections';

/** The name, editable (docker rename), with the engine's refusal under it. */
function RenameField({ details, onRenamed }: { details: ContainerDetails; onRenamed(): void }): ReactElement {
  const { t } = useTranslation();
  const [name, setName] = useState(details.name);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const rename = async (): Promise<void> => {
    setBusy(true);
    const answer = await call('containers.rename', { id: details.id, name: name.trim() });
    setBusy(false);
    setError(answer.ok ? null : answer.error);
    if (answer.ok) onRenamed();
  };
  return (
    <form
      className="containers-details__rename"
      onSubmit={(e) => {
        e.preventDefault();
        void rename();
      }}
    >
      <label className="field">
        <span>{t('containers.details.name')}</span>
        <span className="containers-details__rename-row">
          <input className="input mono" value={name} onChange={(e) => setName(e.target.value)} data-testid="container-rename-input" spellCheck={false} />
          <button type="submit" className="button button--secondary" disabled={busy || name.trim() === details.name || name.trim() === ''} data-testid="container-rename">
            {t('containers.details.rename')}
          </button>
        </span>
      </label>
      {error ? <ErrorNotice title={t('containers.details.renameFailed')} error={error} /> : null}
    </form>
  );
}

/** docker inspect, readable: overview with rename, environment, mounts, networks, ports, labels and the raw JSON. */
export function ContainerDetailsDialog({ id, onClose }: { id: string; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  // Read again after a rename; what is shown stays until the new answer comes.
  const { data: details, error, refresh } = useCall('containers.inspect', { id });
  const [tab, setTab] = useState<DetailsTab>('overview');

  let body: ReactElement;
  if (error) body = <ErrorNotice title={t('containers.details.loadFailed')} error={error} />;
  else if (!details) body = <Spinner />;
  else
    body = (
      <>
        <div className="containers-details__tabs" role="tablist" aria-label={t('containers.details.tabs.label')}>
          {DETAILS_TABS.map((id) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'containers-details__tab is-active' : 'containers-details__tab'} data-testid={`container-details-tab-${id}`} onClick={() => setTab(id)}>
              {t(`containers.details.tabs.${id}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" className="containers-details__panel">
          {tab === 'overview' ? (
            <div className="containers-details__overview">
              <RenameField key={details.name} details={details} onRenamed={refresh} />
              <dl className="containers-details__facts">
                <dt>{t('containers.details.id')}</dt>
                <dd className="mono">{details.id}</dd>
                <dt>{t('containers.details.image')}</dt>
                <dd className="mono">{details.image}</dd>
                <dt>{t('containers.details.state')}</dt>
                <dd>{t(`containers.state.${details.state}`)}</dd>
              </dl>
            </div>
          ) : tab === 'logs' ? (
            <LogViewer target={{ kind: 'container', id: details.id }} name={details.name} />
          ) : tab === 'terminal' || tab === 'stats' ? (
            details.state !== 'running' ? (
              <p className="muted">{t('containers.details.notRunning')}</p>
            ) : tab === 'terminal' ? (
              <TerminalPanel containerId={details.id} />
            ) : (
              <StatsPanel containerId={details.id} />
            )
          ) : (
            <DetailsSection tab={tab} details={details} />
          )}
        </div>
      </>
    );

  return (
    <Dialog title={t('containers.details.title', { name: details?.name ?? id.slice(0, 12) })} onClose={onClose} size="wide" testId="container-details">
      {body}
    </Dialog>
  );
}
