import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupDiagnosis } from '../../../../shared/setup';
import { Icon } from '../../components/Icon';
import { packagingKey } from './setup-model';

function Row({ name, label, children }: { name: string; label: string; children: ReactNode }): ReactElement {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={`setup-machine-${name}`}>{children}</dd>
    </div>
  );
}

/** What the diagnosis found about this machine: who, which distro, how Docker got here, and which engine Wharf uses (and why). */
export function MachineCard({ diagnosis }: { diagnosis: SetupDiagnosis }): ReactElement {
  const { t } = useTranslation();
  const { user, distro, installation, service, endpoint } = diagnosis;
  const serviceText = service.unit ? [service.unit, service.active, service.enabled].filter(Boolean).join(' · ') : service.dockerdRunning ? 'dockerd' : null;
  return (
    <section className="card setup-machine" data-testid="setup-machine">
      <h2 className="card__title">
        <Icon name="cpu" />
        {t('setup.machine.title')}
      </h2>
      <dl className="facts">
        <Row name="user" label={t('setup.machine.user')}>
          <code>{user.name}</code> <span className="muted">{t('setup.machine.uid', { uid: user.uid })}</span>
        </Row>
        <Row name="distro" label={t('setup.machine.distro')}>
          <span translate="no">{distro.prettyName || distro.id}</span>
        </Row>
        <Row name="packaging" label={t('setup.machine.packaging')}>
          {t(`setup.packaging.${packagingKey(installation.packaging)}`)}
          {installation.package && installation.package !== installation.packaging ? <code className="fact__extra">{installation.package}</code> : null}
        </Row>
        {installation.dockerdPath || installation.cliPath ? (
          <Row name="binaries" label={t('setup.machine.binaries')}>
            <span className="setup-machine__paths">
              {installation.cliPath ? <code>{installation.cliPath}</code> : null}
              {installation.dockerdPath ? <code>{installation.dockerdPath}</code> : null}
            </span>
          </Row>
        ) : null}
        {serviceText ? (
          <Row name="service" label={t('setup.machine.service')}>
            <code>{serviceText}</code>
          </Row>
        ) : null}
        <Row name="endpoint" label={t('setup.machine.endpoint')}>
          <code>{endpoint.host || t('common.notAvailable')}</code>
          <span className="fact__extra" data-testid="setup-machine-endpoint-source" data-source={endpoint.source}>
            {t('setup.machine.from', { source: t(`engine.source.${endpoint.source}`) })}
            {endpoint.contextName ? (
              <>
                {' · '}
                {t('setup.machine.contextLabel')} <span translate="no">{endpoint.contextName}</span>
              </>
            ) : null}
          </span>
        </Row>
        <Row name="privilege" label={t('setup.machine.privilege')}>
          {t(`setup.privilege.${diagnosis.privilege}`)}
        </Row>
      </dl>
    </section>
  );
}
