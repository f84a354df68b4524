import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckStatus, FixId, SetupCheck, SetupDiagnosis } from '../../../../shared/setup';
import { Icon, type IconName } from '../../components/Icon';
import { ComposeInstall } from './ComposeInstall';
import { Evidence } from './Evidence';
import { FixPanel } from './FixPanel';
import { explanationKey, packagingKey, serviceName } from './setup-model';

const STATUS_ICONS: Record<CheckStatus, IconName> = { ok: 'check', problem: 'close', warning: 'alert', info: 'info' };

interface CheckRowProps {
  check: SetupCheck;
  diagnosis: SetupDiagnosis;
  /** The fix shown beside this check (a problem's fix, shown once per list). */
  fix?: FixId;
  /** A fix this check shares with an earlier check, pointed to rather than shown twice. */
  sharedFix?: FixId;
}

/** One diagnosis check: status, what it means, the evidence, and the fix beside a problem. */
export function CheckRow({ check, diagnosis, fix, sharedFix }: CheckRowProps): ReactElement {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const values = {
    user: diagnosis.user.name,
    group: diagnosis.dockerGroup.name,
    host: diagnosis.endpoint.host,
    unit: serviceName(diagnosis),
    packaging: t(`setup.packaging.${packagingKey(diagnosis.installation.packaging)}`),
  };
  const panelId = `setup-fix-panel-${check.id}`;

  return (
    <li className={`setup-check setup-check--${check.status}`} data-testid={`setup-check-${check.id}`} data-status={check.status}>
      <span className="setup-check__icon" aria-hidden="true">
        <Icon name={STATUS_ICONS[check.status]} size={14} />
      </span>
      <div className="setup-check__main">
        <div className="setup-check__head">
          <span className="setup-check__name">{t(`setup.check.${check.id}.name`, values)}</span>
          <span className="visually-hidden">{t(`setup.status.${check.status}`)}</span>
          {fix ? (
            <button
              type="button"
              className={`button ${open ? 'button--subtle' : 'button--primary'} setup-check__fix`}
              onClick={() => setOpen((v) => !v)}
              aria-expanded={open}
              aria-controls={panelId}
              data-testid={`setup-fix-${fix}`}
            >
              <Icon name={fix === 'start-service' ? 'play' : 'users'} size={16} />
              {t(`setup.fix.${fix}.label`, values)}
              <span className={`setup-check__chevron${open ? ' is-open' : ''}`} aria-hidden="true" />
            </button>
          ) : null}
        </div>
        <p className="setup-check__explanation">{t(explanationKey(check, diagnosis), values)}</p>
        <Evidence evidence={check.evidence} />
        {check.id === 'compose' && check.status === 'warning' ? <ComposeInstall diagnosis={diagnosis} /> : null}
        {sharedFix && !fix ? (
          <p className="setup-check__shared-fix">
            <Icon name="arrowRight" size={14} />
            {t('setup.fix.sharedWith', { fix: t(`setup.fix.${sharedFix}.label`, values) })}
          </p>
        ) : null}
        {fix && open ? (
          <div id={panelId}>
            <FixPanel fix={fix} diagnosis={diagnosis} />
          </div>
        ) : null}
      </div>
    </li>
  );
}
