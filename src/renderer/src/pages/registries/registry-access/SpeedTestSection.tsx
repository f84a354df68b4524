import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_NON_OFFICIAL_IMAGE, DEFAULT_SPEED_IMAGE } from '../../../../../shared/registry-access';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { ProgressBar } from '../../../components/ProgressBar';
import { useStartedTask } from '../../../stores/use-started-task';
import { SpeedProgress, SpeedResults } from './SpeedResults';
import '../../../styles/registry-access.css';

export interface SpeedTestSectionProps {
  /** Mirror URLs to test (e.g. the mirror list's draft); the section keeps its own editable copy. */
  mirrors: string[];
  /** "Use this order": the working mirrors, best first. */
  onUseOrder(urls: string[]): void;
}

function urlProblem(url: string, list: readonly string[]): 'badUrl' | 'duplicate' | undefined {
  if (!/^https?:\/\/[^\s/]+[^\s]*$/.test(url)) return 'badUrl';
  return list.includes(url) ? 'duplicate' : undefined;
}

/** Runs registryAccess.speedTest as a task and shows its ranked results. */
export function SpeedTestSection({ mirrors, onUseOrder }: SpeedTestSectionProps): ReactElement {
  const { t } = useTranslation();
  const [urls, setUrls] = useState<string[]>(mirrors);
  const [draft, setDraft] = useState('');
  const [image, setImage] = useState(DEFAULT_SPEED_IMAGE);
  const [other, setOther] = useState(DEFAULT_NON_OFFICIAL_IMAGE);
  const { task, startError, start } = useStartedTask<'registry-speed-test'>();

  // A new list from the page replaces the local copy (state adjusted while rendering, not in an effect).
  const key = mirrors.join('\n');
  const [seenKey, setSeenKey] = useState(key);
  if (key !== seenKey) {
    setSeenKey(key);
    setUrls(mirrors);
  }

  const running = task?.state === 'running';
  const result = task?.state === 'succeeded' ? task.result : undefined;
  const items = task?.detail?.kind === 'items' ? task.detail.items : [];
  const problem = draft.trim() === '' ? undefined : urlProblem(draft.trim(), urls);

  const add = (event: FormEvent): void => {
    event.preventDefault();
    const url = draft.trim();
    if (url === '' || urlProblem(url, urls)) return;
    setUrls([...urls, url]);
    setDraft('');
  };

  const run = async (): Promise<void> => {
    await start(() =>
      call('registryAccess.speedTest', {
        mirrors: urls,
        ...(image.trim() && image.trim() !== DEFAULT_SPEED_IMAGE ? { image: image.trim() } : {}),
        ...(other.trim() && other.trim() !== DEFAULT_NON_OFFICIAL_IMAGE ? { nonOfficialImage: other.trim() } : {}),
      }),
    );
  };

  const working = result?.mirrors.filter((m) => m.outcome === 'ok').map((m) => m.url) ?? [];

  return (
    <section className="card registry-access-section" data-testid="speed-test-section">
      <header className="registry-access-section__head">
        <h2>{t('registryAccess.speed.title')}</h2>
        <p className="muted">{t('registryAccess.speed.intro')}</p>
      </header>

      <div className="field">
        <span className="field__label">{t('registryAccess.speed.mirrors')}</span>
        {urls.length === 0 ? <p className="muted">{t('registryAccess.speed.empty')}</p> : null}
        <ul className="registry-access-list" data-testid="speed-mirrors">
          {urls.map((url) => (
            <li key={url} className="registry-access-list__row">
              <code className="mono">{url}</code>
              <button type="button" className="button button--subtle button--small" disabled={running} onClick={() => setUrls(urls.filter((u) => u !== url))} aria-label={t('registryAccess.speed.remove', { url })} title={t('registryAccess.speed.remove', { url })}>
                <Icon name="close" size={14} />
              </button>
            </li>
          ))}
        </ul>
        <form className="registry-access-inline" onSubmit={add}>
          <input className="input mono" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={t('registryAccess.speed.addPlaceholder')} aria-label={t('registryAccess.speed.mirrors')} aria-invalid={problem !== undefined} data-testid="speed-add-input" />
          <button type="submit" className="button button--secondary" disabled={draft.trim() === '' || problem !== undefined}>
            <Icon name="plus" size={14} />
            {t('registryAccess.speed.add')}
          </button>
        </form>
        {problem ? <p className="field__hint registry-access-problem">{t(`registryAccess.speed.${problem}`)}</p> : null}
      </div>

      <label className="field">
        <span className="field__label">{t('registryAccess.speed.image')}</span>
        <input className="input mono" value={image} onChange={(e) => setImage(e.target.value)} data-testid="speed-image" />
        <span className="field__hint">{t('registryAccess.speed.imageHint')}</span>
      </label>
      <label className="field">
        <span className="field__label">{t('registryAccess.speed.nonOfficialImage')}</span>
        <input className="input mono" value={other} onChange={(e) => setOther(e.target.value)} data-testid="speed-non-official-image" />
        <span className="field__hint">{t('registryAccess.speed.nonOfficialHint')}</span>
      </label>

      <div className="registry-access-actions">
        <button type="button" className="button button--primary" disabled={running || urls.length === 0 || image.trim() === ''} onClick={() => void run()} data-testid="speed-run">
          <Icon name="zap" size={16} />
          {t('registryAccess.speed.run')}
        </button>
      </div>

      {startError ? <ErrorNotice title={t('registryAccess.speed.failed')} error={startError} /> : null}
      {task?.error ? <ErrorNotice title={t('registryAccess.speed.failed')} error={task.error} /> : null}

      {running ? (
        <div className="registry-access-running">
          <ProgressBar value={task.progress} label={t('registryAccess.speed.running', { done: items.filter((i) => i.state !== 'pending').length + 1, total: items.length })} />
          <p className="muted">{t('registryAccess.speed.running', { done: Math.min(items.length, items.filter((i) => i.state !== 'pending').length + 1), total: items.length })}</p>
          <SpeedProgress items={items} />
        </div>
      ) : null}

      {result ? (
        <div className="registry-access-results">
          <h3>{t('registryAccess.speed.results')}</h3>
          <SpeedResults rows={result.mirrors} image={result.image} nonOfficialImage={result.nonOfficialImage} />
          {working.length > 0 ? (
            <div className="registry-access-actions">
              <button type="button" className="button button--secondary" onClick={() => onUseOrder(working)} data-testid="speed-use-order">
                {t('registryAccess.speed.useOrder')}
              </button>
              <span className="field__hint">{t('registryAccess.speed.useOrderHint')}</span>
            </div>
          ) : (
            <p className="notice notice--warning">
              <Icon name="alert" />
              <span>{t('registryAccess.speed.noneWorking')}</span>
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
