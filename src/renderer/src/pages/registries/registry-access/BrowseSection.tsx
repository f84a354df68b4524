import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { CatalogPage } from '../../../../../shared/registry-access';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { useCall } from '../../../hooks/use-call';
import { TagsPanel } from './TagsPanel';
import '../../../styles/registry-access.css';

const PAGE = 50;

/** A registry's repositories (with "load more"), and the tags of the one picked. */
export function BrowseSection(): ReactElement {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  // The registries logged in to, suggested as addresses (none if the read failed).
  const logins = useCall('registryAccess.logins', {});
  const known = logins.data?.logins.map((l) => l.server).filter((s) => !s.includes('://')) ?? [];
  /** As typed (keeps an http:// the user gave) for the calls; host is the reference prefix for pulls. */
  const [registry, setRegistry] = useState<{ typed: string; host: string } | null>(null);
  const [repositories, setRepositories] = useState<string[]>([]);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [loading, setLoading] = useState(false);
  const [repository, setRepository] = useState<string | null>(null);

  const load = async (target: string, last?: string): Promise<void> => {
    setLoading(true);
    const envelope = await call('registryAccess.catalog', { registry: target, n: PAGE, ...(last ? { last } : {}) });
    setLoading(false);
    if (!envelope.ok) {
      setError(envelope.error);
      return;
    }
    const page: CatalogPage = envelope.value;
    setError(null);
    setRegistry({ typed: target, host: page.registry.includes('://') ? 'docker.io' : page.registry });
    setRepositories((before) => [...(last ? before : []), ...page.repositories]);
    setNext(page.next);
  };

  const open = (event: FormEvent): void => {
    event.preventDefault();
    const target = address.trim();
    if (target === '') return;
    setRegistry(null);
    setRepositories([]);
    setRepository(null);
    void load(target);
  };

  return (
    <section className="card registry-access-section" data-testid="browse-section">
      <header className="registry-access-section__head">
        <h2>{t('registryAccess.browse.title')}</h2>
        <p className="muted">{t('registryAccess.browse.intro')}</p>
      </header>
      <form className="registry-access-inline" onSubmit={open}>
        <input className="input mono" list="remote-known-registries" value={address} onChange={(e) => setAddress(e.target.value)} placeholder={t('registryAccess.browse.registryPlaceholder')} aria-label={t('registryAccess.browse.registry')} data-testid="browse-registry" />
        <datalist id="remote-known-registries">
          {known.map((server) => (
            <option key={server} value={server} />
          ))}
        </datalist>
        <button type="submit" className="button button--primary" disabled={address.trim() === '' || loading} data-testid="browse-open">
          <Icon name="search" size={16} />
          {t('registryAccess.browse.open')}
        </button>
      </form>
      {error ? <ErrorNotice title={t('registryAccess.browse.loadFailed')} error={error} /> : null}
      {loading && registry === null ? <Spinner /> : null}
      {registry !== null ? (
        <div className="registry-access-browse">
          <div className="registry-access-browse__repos">
            <h3>{t('registryAccess.browse.repositories')}</h3>
            {repositories.length === 0 ? <p className="muted">{t('registryAccess.browse.noRepositories')}</p> : null}
            <ul className="registry-access-repos" data-testid="browse-repositories">
              {repositories.map((name) => (
                <li key={name}>
                  <button type="button" className={`registry-access-repos__item mono${name === repository ? ' is-active' : ''}`} aria-pressed={name === repository} onClick={() => setRepository(name)} data-testid="browse-repository">
                    {name}
                  </button>
                </li>
              ))}
            </ul>
            {next !== undefined ? (
              <button type="button" className="button button--secondary button--small" disabled={loading} onClick={() => void load(registry.typed, next)} data-testid="browse-more">
                {t('registryAccess.browse.loadMore')}
              </button>
            ) : null}
          </div>
          <div className="registry-access-browse__tags">
            {repository ? <TagsPanel key={`${registry.typed}/${repository}`} registry={registry.typed} host={registry.host} repository={repository} /> : <p className="muted">{t('registryAccess.browse.pickRepository')}</p>}
          </div>
        </div>
      ) : null}
    </section>
  );
}
