import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineFacts } from '../../../../shared/engine';
import { Icon } from '../../components/Icon';
import { bytesSize } from '../../../../shared/units';
import { Fact } from './Fact';
import { FactList } from './FactList';
import { StatTile } from './StatTile';
import { explainWarning } from './engine-warnings';
import { CommandBlock } from '../../components/CommandBlock';

/** What `docker version` and `docker info` tell about the engine and its host. */
export function EngineFactsCards({ facts }: { facts: EngineFacts }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <section className="card card--stats" aria-label={t('dashboard.resourcesCard')}>
        <StatTile name="containers-running" label={t('dashboard.facts.containersRunning')} value={facts.containers.running} tone="success" to={{ page: 'containers', query: { state: 'running' } }} />
        <StatTile name="containers-paused" label={t('dashboard.facts.containersPaused')} value={facts.containers.paused} tone="warning" to={{ page: 'containers', query: { state: 'paused' } }} />
        <StatTile name="containers-stopped" label={t('dashboard.facts.containersStopped')} value={facts.containers.stopped} tone="muted" to={{ page: 'containers', query: { state: 'stopped' } }} />
        <StatTile name="images" label={t('dashboard.facts.images')} title={t('dashboard.facts.imagesTitle')} value={facts.images} tone="accent" to={{ page: 'images' }} />
      </section>

      <div className="grid grid--3">
        <section className="card">
          <h2 className="card__title">
            <Icon name="engine" />
            {t('dashboard.engineCard')}
          </h2>
          <dl className="facts">
            <Fact name="serverVersion" label={t('dashboard.facts.serverVersion')}>
              {facts.serverVersion}
            </Fact>
            <Fact
              name="apiVersion"
              label={t('dashboard.facts.apiVersion')}
              extra={t('dashboard.facts.apiVersionRange', { min: facts.minApiVersion, max: facts.serverApiVersion })}
            >
              {facts.apiVersion}
            </Fact>
            <Fact name="storageDriver" label={t('dashboard.facts.storageDriver')}>
              {facts.storageDriver}
            </Fact>
            <Fact name="dockerRootDir" label={t('dashboard.facts.dockerRootDir')}>
              <code>{facts.dockerRootDir}</code>
            </Fact>
            <Fact name="cgroup" label={t('dashboard.facts.cgroup')}>
              {`${facts.cgroupDriver} / v${facts.cgroupVersion}`}
            </Fact>
          </dl>
        </section>

        <section className="card">
          <h2 className="card__title">
            <Icon name="cpu" />
            {t('dashboard.hostCard')}
          </h2>
          <dl className="facts">
            <Fact name="operatingSystem" label={t('dashboard.facts.operatingSystem')}>
              {facts.operatingSystem}
            </Fact>
            <Fact name="kernelVersion" label={t('dashboard.facts.kernelVersion')}>
              {facts.kernelVersion}
            </Fact>
            <Fact name="architecture" label={t('dashboard.facts.architecture')}>
              {facts.architecture}
            </Fact>
            <Fact name="cpus" label={t('dashboard.facts.cpus')}>
              {facts.cpus}
            </Fact>
            <Fact name="memTotal" label={t('dashboard.facts.memTotal')}>
              {bytesSize(facts.memTotal)}
            </Fact>
          </dl>
        </section>

        <section className="card">
          <h2 className="card__title">
            <Icon name="registries" />
            {t('dashboard.registriesCard')}
          </h2>
          <dl className="facts">
            <FactList name="registryMirrors" label={t('dashboard.facts.registryMirrors')} items={facts.registryMirrors} />
            <FactList name="insecureRegistries" label={t('dashboard.facts.insecureRegistries')} items={facts.insecureRegistries} />
          </dl>
        </section>
      </div>

      {facts.warnings.length > 0 ? (
        <details className="card dashboard-warnings" data-testid="engine-warnings">
          <summary>
            <Icon name="alert" size={16} />
            {t('dashboard.warnings')} ({facts.warnings.length})
          </summary>
          <ul className="dashboard-warnings__list">
            {facts.warnings.map(explainWarning).map((w) => (
              <li key={w.text} className="dashboard-warnings__item" data-testid="engine-warning" data-warning={w.id ?? 'unknown'}>
                <p className="dashboard-warnings__meaning">{w.id ? t(`dashboard.engineWarning.${w.id}`) : t('dashboard.engineWarning.unknown')}</p>
                <code className="dashboard-warnings__text">{w.text}</code>
                {w.fix.length > 0 ? (
                  <div className="dashboard-warnings__fix">
                    <span className="field__hint">{t('dashboard.engineWarning.fixTitle')}</span>
                    <CommandBlock commands={w.fix.map((command) => ({ command }))} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
