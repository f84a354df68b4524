import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeFolder } from '../../../../shared/compose';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { call, transportKind } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';

/** Opens a folder or compose file by path (typed, or chosen in the OS's dialog on the desktop). */
export function OpenFolderBar({ onOpened }: { onOpened(folder: ComposeFolder): void }): ReactElement {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const desktop = transportKind() === 'bridge';

  const open = async (target: string): Promise<void> => {
    setBusy(true);
    setError(null);
    const answer = await call('compose.open', { path: target });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setPath('');
    onOpened(answer.value);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (path.trim() !== '') void open(path.trim());
  };
  const choose = async (): Promise<void> => {
    const answer = await call('compose.pickPath', {});
    if (!answer.ok) return setError(answer.error);
    if (answer.value.path) await open(answer.value.path);
  };

  return (
    <form className="card compose-open" onSubmit={submit} data-testid="compose-open">
      <label className="field compose-open__field">
        <span className="field__label">{t('compose.open.label')}</span>
        <input className="input mono" value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('compose.open.placeholder')} aria-invalid={error !== null} data-testid="compose-open-path" />
        <span className="field__hint">{t('compose.open.hint')}</span>
      </label>
      <button type="submit" className="button button--primary" disabled={busy || path.trim() === ''} data-testid="compose-open-button">
        <Icon name="folder" size={14} />
        {t('compose.open.button')}
      </button>
      {desktop ? (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void choose()} data-testid="compose-open-choose">
          {t('compose.open.choose')}
        </button>
      ) : null}
      {error ? (
        <div className="compose-open__error">
          <ErrorNotice title={t('compose.open.failed')} error={error} />
        </div>
      ) : null}
    </form>
  );
}
