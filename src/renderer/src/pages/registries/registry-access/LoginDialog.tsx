import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { RegistryLogin } from '../../../../../shared/registry-access';
import { call } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';

/** Server, user name, password: checked by the engine, then stored like `docker login`. The password is dropped after. */
export function LoginDialog({ initialServer, onClose, onDone }: { initialServer?: string; onClose(): void; onDone(login: RegistryLogin): void }): ReactElement {
  const { t } = useTranslation();
  const [server, setServer] = useState(initialServer ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const ready = server.trim() !== '' && username.trim() !== '' && password !== '';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    const envelope = await call('registryAccess.login', { server: server.trim(), username: username.trim(), password });
    setBusy(false);
    if (!envelope.ok) {
      setError(envelope.error);
      return;
    }
    setPassword('');
    onDone(envelope.value);
  };

  return (
    <Dialog
      title={t('registryAccess.login.dialogTitle')}
      subtitle={t('registryAccess.login.dialogSubtitle')}
      onClose={onClose}
      busy={busy}
      testId="login-dialog"
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
            {t('registryAccess.login.cancel')}
          </button>
          <button type="submit" form="registry-login-form" className="button button--primary" disabled={!ready || busy} data-testid="login-submit">
            {t('registryAccess.login.submit')}
          </button>
        </>
      }
    >
      <form id="registry-login-form" onSubmit={(e) => void submit(e)} autoComplete="off">
        <label className="field">
          <span className="field__label">{t('registryAccess.login.server')}</span>
          <input className="input mono" value={server} onChange={(e) => setServer(e.target.value)} placeholder="registry.example.com" data-testid="login-server" />
          <span className="field__hint">{t('registryAccess.login.serverHint')}</span>
        </label>
        <label className="field">
          <span className="field__label">{t('registryAccess.login.username')}</span>
          <input className="input" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" data-testid="login-username" />
        </label>
        <label className="field">
          <span className="field__label">{t('registryAccess.login.password')}</span>
          <input className="input" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" data-testid="login-password" />
          <span className="field__hint">{t('registryAccess.login.passwordHint')}</span>
        </label>
      </form>
      {error ? <ErrorNotice title={error.code === 'permission-denied' ? t('registryAccess.login.refused') : t('registryAccess.login.failed')} error={error} /> : null}
    </Dialog>
  );
}
