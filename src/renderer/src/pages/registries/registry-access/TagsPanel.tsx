import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Envelope, WharfErrorInfo } from '../../../../../shared/errors';
import type { DeletedTag, TagsPage } from '../../../../../shared/registry-access';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { useStartedTask } from '../../../stores/use-started-task';
import { DeleteTagDialog, tagReference, type TagRef } from './DeleteTagDialog';

const PAGE = 100;

/** The tags of one repository, page by page: pull one into the engine (images.pull) or delete it from the registry. */
export function TagsPanel({ registry, host, repository }: { registry: string; host: string; repository: string }): ReactElement {
  const { t } = useTranslation();
  const [tags, setTags] = useState<string[] | null>(null);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [loading, setLoading] = useState(false);
  const [pulled, setPulled] = useState<Record<string, true>>({});
  // Pulls are started here and followed in the task panel; only the last start's refusal is shown.
  const { startError: pullError, start: startPull } = useStartedTask<'pull'>();
  const [deleting, setDeleting] = useState<TagRef | null>(null);
  const [deleted, setDeleted] = useState<DeletedTag | null>(null);

  const fetchPage = useCallback((last?: string) => call('registryAccess.tags', { registry, repository, n: PAGE, ...(last ? { last } : {}) }), [registry, repository]);
  const apply = useCallback((envelope: Envelope<TagsPage>, more: boolean): void => {
    setLoading(false);
    if (!envelope.ok) {
      setError(envelope.error);
      return;
    }
    setError(null);
    setTags((before) => [...(more ? (before ?? []) : []), ...envelope.value.tags]);
    setNext(envelope.value.next);
  }, []);

  // The panel is keyed by registry and repository: a new one starts empty.
  useEffect(() => {
    let current = true;
    void fetchPage().then((envelope) => current && apply(envelope, false));
    return () => {
      current = false;
    };
  }, [fetchPage, apply]);

  const loadMore = async (last: string): Promise<void> => {
    setLoading(true);
    apply(await fetchPage(last), true);
  };

  const pull = async (tag: string): Promise<void> => {
    const envelope = await startPull(() => call('images.pull', { reference: tagReference({ registry: host, repository, tag }) }));
    if (envelope.ok) setPulled((p) => ({ ...p, [tag]: true }));
  };

  return (
    <div className="registry-access-tags" data-testid="browse-tags">
      <h3>{t('registryAccess.browse.tagsOf', { repository })}</h3>
      {error ? <ErrorNotice title={t('registryAccess.browse.tagsFailed')} error={error} /> : null}
      {pullError ? <ErrorNotice title={t('registryAccess.browse.pullFailed')} error={pullError} /> : null}
      {deleted ? (
        <p className="notice notice--info" data-testid="browse-deleted">
          <Icon name="check" />
          <span>{t('registryAccess.browse.deleted', { reference: `${repository}:${deleted.tag}`, digest: deleted.digest.slice(0, 19) })}</span>
        </p>
      ) : null}
      {tags === null && !error ? <Spinner /> : null}
      {tags !== null && tags.length === 0 ? <p className="muted">{t('registryAccess.browse.noTags')}</p> : null}
      {tags !== null && tags.length > 0 ? (
        <ul className="registry-access-list">
          {tags.map((tag) => (
            <li key={tag} className="registry-access-list__row" data-testid="browse-tag">
              <code className="mono">{tag}</code>
              <span className="registry-access-list__actions">
                {pulled[tag] ? <span className="chip chip--accent">{t('registryAccess.browse.pullStarted')}</span> : null}
                <button type="button" className="button button--secondary button--small" onClick={() => void pull(tag)} title={t('registryAccess.browse.pullTitle', { reference: tagReference({ registry: host, repository, tag }) })} data-testid="browse-pull">
                  <Icon name="download" size={14} />
                  {t('registryAccess.browse.pull')}
                </button>
                <button type="button" className="button button--subtle button--small" onClick={() => setDeleting({ registry, repository, tag })} data-testid="browse-delete">
                  <Icon name="trash" size={14} />
                  {t('registryAccess.browse.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {next !== undefined ? (
        <button type="button" className="button button--secondary button--small" disabled={loading} onClick={() => void loadMore(next)}>
          {t('registryAccess.browse.loadMore')}
        </button>
      ) : null}
      {deleting ? (
        <DeleteTagDialog
          target={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(done) => {
            setDeleting(null);
            setDeleted(done);
            setTags((before) => (before ?? []).filter((x) => x !== done.tag));
          }}
        />
      ) : null}
    </div>
  );
}
