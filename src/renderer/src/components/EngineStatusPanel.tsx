import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/messages';
import { useEngineStore } from '../stores/engine-store';
import { RetryButton } from './RetryButton';
import { StateDot } from './StateDot';

/** The sidebar footer: engine state and endpoint; when not connected, the reason and "Retry now". */
export function EngineStatusPanel(): ReactElement {
  const { t } = useTranslation();
  const status = useEngineStore((s) => s.status);
  const loadError = useEngineStore((s) => s.loadError);
  const state = status?.state ?? 'connecting';
  const stateText = t(`engine.state.${state}`);
  const showProblem = status !== null && state !== 'connected' && state !== 'connecting';

  return (
    <section className="engine-status" data-testid="engine-status" data-state={state} aria-label={t('engine.statusLabel', { state: stateText })}>
      <span className="engine-status__label">{t('engine.label')}</span>
      <div className="engine-status__head">
        <StateDot state={state} />
        <span className="engine-status__state">{stateText}</span>
      </div>
      {status ? (
        <div className="engine-status__host" title={status.endpoint.host}>
          {status.endpoint.host}
        </div>
      ) : null}
      {loadError ? <p className="engine-status__detail">{errorMessage(t, loadError)}</p> : null}
      {showProblem ? (
        <>
          {status.detail ? (
            <p className="engine-status__detail" title={status.detail}>
              {status.detail}
            </p>
          ) : null}
          <RetryButton variant="subtle" />
        </>
      ) : null}
    </section>
  );
}
