import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeContainer } from '../../../../shared/compose';
import { Icon } from '../../components/Icon';

export interface ServiceActions {
  action(action: 'start' | 'stop' | 'restart', service: string): void;
  logs(service: string): void;
  exec(container: ComposeContainer): void;
}

/** `docker compose -p NAME ps -a`: one row per container, with its service's actions. */
export function ServicesTable({ containers, busy, actions }: { containers: ComposeContainer[]; busy: boolean; actions: ServiceActions }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="compose-services-wrap">
    <table className="table compose-services" data-testid="compose-services">
      <thead>
        <tr>
          <th>{t('compose.services.service')}</th>
          <th>{t('compose.services.container')}</th>
          <th>{t('compose.services.state')}</th>
          <th>{t('compose.services.ports')}</th>
          <th className="compose-services__actions">{t('compose.services.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {containers.map((c) => {
          const running = c.state === 'running';
          return (
            <tr key={c.id} data-testid="compose-service-row" data-service={c.service} data-state={c.state}>
              <td className="mono" translate="no">
                {c.service}
              </td>
              <td className="mono" translate="no">
                {c.name}
                <span className="faint compose-services__image">{c.image}</span>
              </td>
              <td>
                <span className={`chip ${running ? 'chip--success' : 'chip--muted'}`}>{c.state}</span>
                <span className="faint compose-services__status" translate="no">
                  {c.status}
                </span>
              </td>
              <td className="mono compose-services__ports" translate="no">
                {c.ports || '—'}
              </td>
              <td className="compose-services__actions">
                <div className="compose-services__buttons">
                {running ? (
                  <button type="button" className="button button--subtle button--small" disabled={busy} onClick={() => actions.action('stop', c.service)} data-testid="compose-service-stop">
                    <Icon name="stop" size={14} />
                    {t('compose.action.stop')}
                  </button>
                ) : (
                  <button type="button" className="button button--subtle button--small" disabled={busy} onClick={() => actions.action('start', c.service)} data-testid="compose-service-start">
                    <Icon name="play" size={14} />
                    {t('compose.action.start')}
                  </button>
                )}
                <button type="button" className="button button--subtle button--small" disabled={busy} onClick={() => actions.action('restart', c.service)} title={t('compose.action.restart')} aria-label={t('compose.action.restart')} data-testid="compose-service-restart">
                  <Icon name="retry" size={14} />
                </button>
                <button type="button" className="button button--subtle button--small" onClick={() => actions.logs(c.service)} title={t('compose.action.logs')} aria-label={t('compose.action.logs')} data-testid="compose-service-logs">
                  <Icon name="tasks" size={14} />
                </button>
                <button type="button" className="button button--subtle button--small" disabled={!running} onClick={() => actions.exec(c)} title={t('compose.action.exec')} aria-label={t('compose.action.exec')} data-testid="compose-service-exec">
                  <Icon name="terminal" size={14} />
                </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
