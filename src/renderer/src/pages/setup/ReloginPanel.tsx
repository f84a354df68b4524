import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupDiagnosis } from '../../../../shared/setup';
import { shellQuote } from '../../../../shared/shell-quote';
import { CommandBlock } from '../../components/CommandBlock';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useAppInfoStore } from '../../stores/app-info-store';
import { useSetupStore } from '../../stores/setup-store';

/**
 * After the group fix: the user is in the docker group in /etc/group, but this session still has its old groups.
 * Offers the two ways out — relaunch Wharf under the group now (desktop), or a new login — and says why.
 */
export function ReloginPanel({ diagnosis }: { diagnosis: SetupDiagnosis }): ReactElement {
  const { t } = useTranslation();
  const relaunch = useSetupStore((s) => s.relaunch);
  const relaunching = useSetupStore((s) => s.relaunching);
  const relaunchError = useSetupStore((s) => s.relaunchError);
  const mode = useAppInfoStore((s) => s.info?.mode);
  const loadInfo = useAppInfoStore((s) => s.load);
  const user = diagnosis.user.name;
  const group = diagnosis.dockerGroup.name;

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  return (
    <section className="card setup-relogin" data-testid="setup-relogin">
      <h2 className="card__title">
        <Icon name="logout" />
        {t('setup.relogin.title', { group })}
      </h2>
      <p className="setup-relogin__why">{t('setup.relogin.why', { user, group })}</p>
      <div className="setup-relogin__options">
        {diagnosis.canRelaunch ? (
          <div className="setup-relogin__option setup-relogin__option--primary">
            <button type="button" className="button button--primary" onClick={() => void relaunch()} disabled={relaunching} data-testid="setup-relaunch">
              <Icon name="retry" size={16} />
              {relaunching ? t('setup.relogin.relaunching') : t('setup.relogin.relaunch')}
            </button>
            <p className="muted">{t('setup.relogin.relaunchHint', { group })}</p>
          </div>
        ) : null}
        <div className="setup-relogin__option">
          <strong className="setup-relogin__option-title">
            <Icon name="logout" size={16} />
            {t('setup.relogin.logout')}
          </strong>
          <p className="muted">{mode === 'web' ? t('setup.relogin.webHint') : t('setup.relogin.logoutHint')}</p>
        </div>
      </div>
      <p className="setup-relogin__terminal">
        <Icon name="terminal" size={16} />
        {t('setup.relogin.terminal')}
      </p>
      <CommandBlock commands={[{ command: shellQuote(['newgrp', group]) }]} />
      <p className="muted setup-relogin__note">{t('setup.relogin.terminalNote')}</p>
      {relaunchError ? <ErrorNotice title={t('setup.relogin.relaunchFailed')} error={relaunchError} /> : null}
    </section>
  );
}
