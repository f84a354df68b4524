import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryMirrorsState } from '../../../../../shared/registry-mirrors';
import { CommandBlock } from '../../../components/CommandBlock';
import { ProxyInEffect } from './EngineProxy';

/** A remote engine's registry settings, as its `docker info` reports them; its daemon.json is edited on that host. */
export function RemoteMirrors({ state }: { state: RegistryMirrorsState & { remote: { host: string } } }): ReactElement {
  const { t } = useTranslation();
  const lists = [
    ['mirrors', state.inEffect?.registryMirrors],
    ['insecure', state.inEffect?.insecureRegistries],
  ] as const;
  return (
    <section className="registry-mirrors card" data-testid="registry-mirrors-remote">
      <header className="registry-mirrors__head">
        <h2>{t('registryMirrors.title')}</h2>
        <p className="muted">{t('registryMirrors.remote.intro', { host: state.remote.host })}</p>
      </header>
      {lists.map(([kind, entries]) => (
        <div className="registry-mirrors__remote-list" key={kind}>
          <h3>{t(`registryMirrors.remote.${kind}`)}</h3>
          {entries === undefined ? (
            <p className="muted">{t('registryMirrors.remote.unknown')}</p>
          ) : entries.length === 0 ? (
            <p className="muted">{t('registryMirrors.remote.none')}</p>
          ) : (
            <ul data-testid={`registry-remote-${kind}`}>
              {entries.map((entry) => (
                <li key={entry} className="mono">
                  {entry}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {state.inEffect?.proxies ? (
        <div className="registry-mirrors__remote-list">
          <h3>{t('registryMirrors.proxy.heading')}</h3>
          <ProxyInEffect proxies={state.inEffect.proxies} />
        </div>
      ) : null}
      <p className="field__hint">{t('registryMirrors.remote.howTo')}</p>
      <CommandBlock prompt="#" commands={[{ command: 'nano /etc/docker/daemon.json' }, { command: 'systemctl reload docker' }]} />
    </section>
  );
}
