import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupDiagnosis, SetupVerdict } from '../../../../shared/setup';
import { Icon, type IconName } from '../../components/Icon';
import { useSetupStore } from '../../stores/setup-store';
import { SETUP_STEPS, stepStates, type StepState } from './setup-model';
import { formatDate } from '../../i18n/date-format';

const VERDICT_ICONS: Record<SetupVerdict, IconName> = {
  usable: 'shieldCheck',
  'needs-relogin': 'logout',
  'permission-denied': 'users',
  'not-running': 'play',
  'not-installed': 'download',
  unreachable: 'alert',
};

/** How the verdict is coloured: green when usable, amber while only a new session is missing, red otherwise. */
export function verdictTone(verdict: SetupVerdict): 'success' | 'warning' | 'danger' {
  if (verdict === 'usable') return 'success';
  if (verdict === 'needs-relogin') return 'warning';
  return 'danger';
}

const STEP_ICONS: Record<StepState, IconName | null> = { done: 'check', current: null, waiting: null, pending: null };

/** The wizard's head: the verdict in one sentence, the four steps, and "Check again". */
export function VerdictHeader({ diagnosis }: { diagnosis: SetupDiagnosis }): ReactElement {
  const { t, i18n } = useTranslation();
  const diagnose = useSetupStore((s) => s.diagnose);
  const diagnosing = useSetupStore((s) => s.diagnosing);
  const { verdict } = diagnosis;
  const steps = stepStates(verdict);
  const checked = formatDate(i18n.language, 'time', diagnosis.checkedAt);
  const values = { user: diagnosis.user.name, group: diagnosis.dockerGroup.name, host: diagnosis.endpoint.host };

  return (
    <section className={`card setup-verdict setup-verdict--${verdictTone(verdict)}`} data-testid="setup-verdict" data-verdict={verdict} aria-live="polite">
      <div className="setup-verdict__main">
        <div className="setup-verdict__icon">
          <Icon name={VERDICT_ICONS[verdict]} size={26} />
        </div>
        <div className="setup-verdict__text">
          <h2>{t(`setup.verdict.${verdict}.title`, values)}</h2>
          <p>{t(`setup.verdict.${verdict}.body`, values)}</p>
        </div>
        <div className="setup-verdict__actions">
          <button type="button" className="button" onClick={() => void diagnose()} disabled={diagnosing} data-testid="setup-recheck">
            {diagnosing ? <span className="spinner spinner--small" aria-hidden="true" /> : <Icon name="retry" size={16} />}
            {diagnosing ? t('setup.checking') : t('setup.recheck')}
          </button>
          <span className="setup-verdict__checked muted">{t('setup.checkedAt', { time: checked })}</span>
        </div>
      </div>
      {steps ? (
        <ol className="setup-steps" aria-label={t('setup.steps.label')}>
          {SETUP_STEPS.map((step, index) => {
            const state = steps[step];
            const icon = STEP_ICONS[state];
            return (
              <li key={step} className={`setup-steps__item setup-steps__item--${state}`} data-step={step} data-state={state} aria-current={state === 'current' || state === 'waiting' ? 'step' : undefined}>
                <span className="setup-steps__marker">{icon ? <Icon name={icon} size={14} /> : index + 1}</span>
                <span className="setup-steps__text">
                  <span className="setup-steps__name">{t(`setup.steps.${step}`)}</span>
                  <span className="setup-steps__state">{t(`setup.steps.state.${state}`)}</span>
                </span>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
