import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogRoute, type DialogCodec } from '../../../hooks/use-dialog-route';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { useCall } from '../../../hooks/use-call';
import { LoginDialog } from './LoginDialog';
import '../../../styles/registry-access.css';

const HUB_KEY = 'https://index.docker.io/v1/';

export function serverLabel(server: string, hubName: string): string {
  return server === HUB_KEY ? `${hubName} (docker.io)` : server;
}

const LOGIN_DIALOG_CODEC: DialogCodec<true> = {
  keys: [],
  encode: () => ({ dialog: 'login' }),
  decode: (q) => (q.dialog === 'login' ? true : null),
};

/** The registries logged in to (shared with the docker CLI), log in and log out. */
export function LoginSection(): ReactElement {
  const { t } = useTranslation();
  // Read again after a login or logout.
  const { data: state, error, refresh: reload } = useCall('registryAccess.logins', {});
  const [logoutError, setLogoutError] = useState<WharfErrorInfo | null>(null);
  const [transientDialog, setTransientDialog] = useState<true | null>(null);
  // The login form only asks: it has a URL (#/registries?dialog=login).
  const [loginDialog, setLoginDialog] = useDialogRoute(LOGIN_DIALOG_CODEC, transientDialog, setTransientDialog);
  const dialog = loginDialog !== null;
  const setDialog = (open: boolean): void => setLoginDialog(open ? true : null);
  const [busy, setBusy] = useState<string | null>(null);

  const logout = async (server: string): Promise<void> => {
    setBusy(server);
    setLogoutError(null);
    const envelope = await call('registryAccess.logout', { server });
    setBusy(null);
    if (!envelope.ok) setLogoutError(envelope.error);
    reload();
  };

  return (
    <section className="card registry-access-section" data-testid="login-section">
      <header className="registry-access-section__head registry-access-section__head--row">
        <div>
          <h2>{t('registryAccess.login.title')}</h2>
          <p className="muted">{t('registryAccess.login.intro')}</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setDialog(true)} data-testid="login-open">
          <Icon name="users" size={16} />
          {t('registryAccess.login.logIn')}
        </button>
      </header>
      {error ? <ErrorNotice title={t('registryAccess.login.loadFailed')} error={error} /> : null}
      {logoutError ? <ErrorNotice title={t('registryAccess.login.logoutFailed')} error={logoutError} /> : null}
      {!state && !error ? <Spinner /> : null}
      {state ? (
        <>
          {state.logins.length === 0 ? (
            <p className="muted" data-testid="logins-empty">{t('registryAccess.login.empty')}</p>
          ) : (
            <table className="table" data-testid="logins-table">
              <thead>
                <tr>
                  <th>{t('registryAccess.login.server')}</th>
                  <th>{t('registryAccess.login.username')}</th>
                  <th>{t('registryAccess.login.store')}</th>
                  <th aria-label={t('registryAccess.login.logOut')} />
                </tr>
              </thead>
              <tbody>
                {state.logins.map((login) => (
                  <tr key={login.server} data-testid="login-row">
                    <td className="mono">{serverLabel(login.server, t('registryAccess.login.hubName'))}</td>
                    <td>{login.username ?? '—'}</td>
                    <td className="muted">{login.store === 'file' ? t('registryAccess.login.storeFile') : t('registryAccess.login.storeHelper', { name: login.store.helper })}</td>
                    <td className="registry-access-cell-actions">
                      <button type="button" className="button button--subtle button--small" disabled={busy !== null} onClick={() => void logout(login.server)} title={t('registryAccess.login.logOutOf', { server: login.server })} data-testid="login-logout">
                        <Icon name="logout" size={14} />
                        {t('registryAccess.login.logOut')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="faint registry-access-config-dir">{t('registryAccess.login.configDir', { dir: state.configDir })}</p>
        </>
      ) : null}
      {dialog ? (
        <LoginDialog
          onClose={() => setDialog(false)}
          onDone={() => {
            setDialog(false);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}
