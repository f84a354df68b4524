import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../../shared/engine';
import { CommandBlock } from './CommandBlock';
import { Icon } from './Icon';
import { RetryButton } from './RetryButton';
import { Spinner } from './Spinner';
import { useRouteStore } from '../stores/route-store';
import { engineCommands } from './engine-commands';
import { useSetupStore } from '../stores/setup-store';

type ProblemState = Exclude<EngineStatus['state'], 'connected'>;

/** The Dashboard while the engine is not connected: what is wrong, how to fix it, and Retry. */
export function EngineProblem({ status }: { status: EngineStatus & { state: ProblemState } }): ReactElement {
  const { t } = useTranslation();
  const navigate = useRouteStore((s) => s.navigate);
  const { state } = status;
  const host = status.endpoint.host;
  // Which service manager starts dockerd here: Setup's diagnosis knows, so the command is the one that works.
  const manager = useSetupStore((s) => s.diagnosis?.service.manager ?? null);
  useEffect(() => {
    if (state === 'not-running' && !useSetupStore.getState().diagnosis) void useSetupStore.getState().diagnose();
  }, [state]);

  if (state === 'connecting') {
    return (
      <section className="card problem" data-testid="engine-problem" data-state={state}>
        <Spinner label={t('engine.problem.connecting.title')} />
        <p>{t('engine.problem.connecting.body', { host })}</p>
      </section>
    );
  }

  const commands = engineCommands(state, host, manager, status.endpoint.contextName);
  const needsSetup = state === 'permission-denied' || state === 'not-installed' || state === 'not-running';

  return (
    <section className={`card problem problem--${state}`} data-testid="engine-problem" data-state={state}>
      <div className="problem__icon">
        <Icon name="alert" size={28} />
      </div>
      <h2>{t(`engine.problem.${state}.title`)}</h2>
      <p className="problem__body">{t(`engine.problem.${state}.body`, { host })}</p>
      <dl className="problem__facts">
        <dt>{t('engine.endpoint')}</dt>
        <dd>
          <code>{host}</code> <span className="muted">({t(`engine.source.${status.endpoint.source}`)})</span>
        </dd>
        {status.detail ? (
          <>
            <dt>{t('engine.detail')}</dt>
            <dd>
              <code data-testid="engine-detail">{status.detail}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {state === 'permission-denied' ? <p className="notice notice--warning">{t('engine.problem.permission-denied.warning')}</p> : null}
      {commands ? (
        <>
          <h3 className="section-label">{t(`engine.problem.${state}.commandsLabel`)}</h3>
          <CommandBlock commands={commands} />
        </>
      ) : null}
      <div className="problem__actions">
        <RetryButton />
        {needsSetup ? (
          <button type="button" className="button button--secondary" onClick={() => navigate('setup')} data-testid="open-setup">
            {t(`engine.problem.${state}.openSetup`)}
            <Icon name="arrowRight" size={16} />
          </button>
        ) : null}
      </div>
      <p className="muted problem__hint">{t('engine.autoRetry')}</p>
    </section>
  );
}
