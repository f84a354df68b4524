import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../api';
import { CommandBlock } from '../components/CommandBlock';
import { Logo } from '../components/Logo';
import '../styles/sign-in.css';

type SignedOut = Extract<SessionState, { kind: 'signed-out' }>;

/**
 * Shown instead of the app when web mode has no session: opened without the printed URL, with a ticket that expired
 * or was used, after the server stopped accepting the session, or while this address is rate-limited.
 */
export function SignInNeeded({ state }: { state: SignedOut }): ReactElement {
  const { t } = useTranslation();
  const origin = window.location.origin;
  return (
    <main className="sign-in" data-testid="sign-in-needed" data-reason={state.reason}>
      <div className="card sign-in__card">
        <h1 className="sign-in__title">
          <Logo size={32} />
          {t('webSession.title')}
        </h1>
        <p className="notice notice--warning" data-testid="sign-in-reason">
          {state.reason === 'rate-limited' ? t('webSession.reason.rate-limited', { seconds: state.retryAfterSeconds ?? 60 }) : t(`webSession.reason.${state.reason}`)}
        </p>
        <p>{t('webSession.howTo')}</p>
        <CommandBlock commands={[{ command: 'npm run serve' }]} testId="sign-in-serve-command" />
        <p className="sign-in__scripts">{t('webSession.scripts')}</p>
        <CommandBlock commands={[{ command: `curl -X POST -H "Authorization: Bearer $WHARF_TOKEN" ${origin}/api/login-ticket` }]} />
      </div>
    </main>
  );
}
