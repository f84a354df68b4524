import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Logo } from '../../components/Logo';
import { useEngineStore } from '../../stores/engine-store';
import { useAppInfoStore } from '../../stores/app-info-store';

export function AboutCard(): ReactElement {
  const { t } = useTranslation();
  const info = useAppInfoStore((s) => s.info);
  const error = useAppInfoStore((s) => s.error);
  const load = useAppInfoStore((s) => s.load);
  const endpoint = useEngineStore((s) => s.status?.endpoint);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" data-testid="about">
      <h2 className="card__title">
        <Logo size={22} />
        {t('settings.about')}
      </h2>
      {error ? <ErrorNotice title={t('settings.aboutFailed')} error={error} /> : null}
      <dl className="facts">
        <div className="fact">
          <dt>{t('settings.version')}</dt>
          <dd data-testid="about-version">{info?.version ?? t('common.notAvailable')}</dd>
        </div>
        <div className="fact">
          <dt>{t('settings.mode')}</dt>
          <dd data-testid="about-mode" data-mode={info?.mode}>
            {info ? t(`settings.modes.${info.mode}`) : t('common.notAvailable')}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('settings.platform')}</dt>
          <dd data-testid="about-platform" translate="no">{info?.platform ?? t('common.notAvailable')}</dd>
        </div>
        <div className="fact">
          <dt>{t('settings.engineEndpoint')}</dt>
          <dd>
            <code data-testid="about-endpoint">{endpoint?.host ?? t('common.notAvailable')}</code>
          </dd>
        </div>
        <div className="fact">
          <dt>{t('settings.endpointSource')}</dt>
          <dd data-testid="about-endpoint-source" data-source={endpoint?.source}>
            {endpoint ? t(`engine.source.${endpoint.source}`) : t('common.notAvailable')}
          </dd>
        </div>
        {endpoint?.contextName ? (
          <div className="fact">
            <dt>{t('settings.context')}</dt>
            <dd data-testid="about-context" translate="no">
              {endpoint.contextName}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
