import { useEffect, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { currentLocale } from '../../i18n/setup';
import { useDashboardStore } from '../../stores/dashboard-store';
import { useEngineStore } from '../../stores/engine-store';
import { useRouteStore } from '../../stores/route-store';

function Proof({ name, label, children }: { name: string; label: string; children: ReactNode }): ReactElement {
  const { t } = useTranslation();
  const known = children !== null && children !== undefined;
  return (
    <li className={`setup-proof${known ? ' setup-proof--ok' : ''}`} data-testid={`setup-verified-${name}`}>
      <span className="setup-proof__icon" aria-hidden="true">
        {known ? <Icon name="check" size={14} /> : <span className="spinner spinner--small" />}
      </span>
      <span className="setup-proof__label">{label}</span>
      <span className="setup-proof__value">{known ? children : t('common.loading')}</span>
    </li>
  );
}

/**
 * The end of the wizard: proof that the engine works — it answers, its versions, the images it lists — and the way
 * on: the Dashboard, and registry mirrors (the 加速器 users in China need before pulling from Docker Hub).
 */
export function VerifiedPanel(): ReactElement {
  const { t } = useTranslation();
  const status = useEngineStore((s) => s.status);
  const reconnect = useEngineStore((s) => s.reconnect);
  const refresh = useDashboardStore((s) => s.refresh);
  const facts = useDashboardStore((s) => s.facts);
  const df = useDashboardStore((s) => s.df);
  const factsError = useDashboardStore((s) => s.factsError);
  const dfError = useDashboardStore((s) => s.dfError);
  const navigate = useRouteStore((s) => s.navigate);
  const state = status?.state;
  const chinese = currentLocale() === 'zh-CN';

  useEffect(() => {
    // The diagnosis connected just now; the app's own connection may still be waiting for its next retry.
    if (state === 'connected') void refresh();
    else if (state !== undefined && state !== 'connecting') void reconnect();
  }, [state, refresh, reconnect]);

  const connected = state === 'connected';
  const images = df?.rows.find((row) => row.kind === 'images')?.total;

  const mirrorLink = (
    <button type="button" className={`button ${chinese ? 'button--primary' : 'button--secondary'}`} onClick={() => navigate('registries')} data-testid="setup-mirror-link">
      <Icon name="zap" size={16} />
      {t('setup.verified.mirror')}
    </button>
  );

  return (
    <section className="card setup-verified" data-testid="setup-verified" aria-labelledby="setup-verified-title">
      <div className="setup-verified__head">
        <div className="setup-verified__icon">
          <Icon name="shieldCheck" size={28} />
        </div>
        <div>
          <h2 id="setup-verified-title">{t('setup.verified.title')}</h2>
          <p className="muted">{t('setup.verified.body')}</p>
        </div>
      </div>
      <ul className="setup-proofs">
        <Proof name="ping" label={t('setup.verified.ping')}>
          {connected && status ? <code>{status.endpoint.host}</code> : null}
        </Proof>
        <Proof name="serverVersion" label={t('setup.verified.serverVersion')}>
          {connected && facts ? <code>{facts.serverVersion}</code> : null}
        </Proof>
        <Proof name="apiVersion" label={t('setup.verified.apiVersion')}>
          {connected && facts ? <code>{facts.apiVersion}</code> : null}
        </Proof>
        <Proof name="images" label={t('setup.verified.images')}>
          {connected && images !== undefined ? <span className="setup-proof__count">{images}</span> : null}
        </Proof>
      </ul>
      {factsError ? <ErrorNotice title={t('dashboard.loadFailed')} error={factsError} /> : null}
      {dfError && !factsError ? <ErrorNotice title={t('dashboard.loadFailed')} error={dfError} /> : null}
      {chinese ? (
        <div className="setup-verified__mirror">
          <p>{t('setup.verified.mirrorHint')}</p>
          {mirrorLink}
        </div>
      ) : null}
      <div className="setup-verified__actions">
        <button type="button" className={`button ${chinese ? 'button--secondary' : 'button--primary'}`} onClick={() => navigate('dashboard')} data-testid="setup-open-dashboard">
          {t('setup.verified.openDashboard')}
          <Icon name="arrowRight" size={16} />
        </button>
        {chinese ? null : mirrorLink}
      </div>
    </section>
  );
}
