import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { RegistryMirrorsPlan, RegistryMirrorsState, RegistrySettings } from '../../../../../shared/registry-mirrors';
import { call } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useStartedTask } from '../../../stores/use-started-task';
import { ApplyOutcome } from './ApplyOutcome';
import { ManualCheckResult, manualVerdict, wantedOf, type ManualVerdict } from './ManualCheck';
import { PlanReview } from './PlanReview';

export interface ApplyDialogProps {
  plan: RegistryMirrorsPlan;
  settings: RegistrySettings;
  engineVersion?: string;
  onClose(): void;
  /** The task ended (the section reads the file again). */
  onSettled(): void;
}

/**
 * The confirm step: the plan, then Apply; the task's steps and outcome replace the buttons once it runs. Where Wharf
 * can only show the commands (web mode), "I ran them: check" reads the file and the engine again and says where it is.
 */
export function ApplyDialog({ plan, settings, engineVersion, onClose, onSettled }: ApplyDialogProps): ReactElement {
  const { t } = useTranslation();
  const { task, startError, start } = useStartedTask<'registry-mirrors-apply'>();
  const running = task?.state === 'running';
  const canApply = plan.valid && !plan.unchanged && plan.apply === 'run' && task === undefined;
  // Commands only: web mode, or an engine before 23 whose proxy is a drop-in for root to write.
  const manual = plan.valid && ((!plan.unchanged && plan.apply === 'commands') || plan.proxy?.dropIn !== undefined);
  const [checked, setChecked] = useState<{ verdict?: ManualVerdict; state?: RegistryMirrorsState; error?: WharfErrorInfo } | null>(null);
  const [checking, setChecking] = useState(false);

  const check = async (): Promise<void> => {
    setChecking(true);
    const envelope = await call('registryMirrors.read', {});
    setChecking(false);
    setChecked(envelope.ok ? { verdict: manualVerdict(envelope.value, wantedOf(plan)), state: envelope.value } : { error: envelope.error });
  };

  const apply = async (): Promise<void> => {
    await start(() => call('registryMirrors.apply', { ...settings, expectedHash: plan.currentHash }));
  };

  const close = (): void => {
    if ((task && task.state !== 'running') || checked) onSettled();
    onClose();
  };

  return (
    <Dialog
      title={plan.unchanged && plan.proxy?.dropIn ? t('registryMirrors.review.titleProxy') : t('registryMirrors.review.title')}
      size="wide"
      testId="registry-apply-dialog"
      busy={running}
      onClose={close}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={close} disabled={running} data-testid="registry-apply-close">
            {(task && !running) || checked?.verdict === 'in-effect' ? t('registryMirrors.review.close') : t('registryMirrors.review.cancel')}
          </button>
          {manual && checked?.verdict !== 'in-effect' ? (
            <button type="button" className="button button--primary" onClick={() => void check()} disabled={checking} data-testid="registry-manual-check">
              {t('registryMirrors.manual.check')}
            </button>
          ) : null}
          {canApply ? (
            <button type="button" className="button button--primary" onClick={() => void apply()} data-testid="registry-apply-confirm">
              {t('registryMirrors.review.apply')}
            </button>
          ) : null}
        </>
      }
    >
      {plan.apply === 'commands' && checked?.verdict !== 'in-effect' ? <p className="notice notice--info">{t('registryMirrors.commandsOnly')}</p> : null}
      {checked ? <ManualCheckResult {...checked} /> : null}
      {startError ? <ErrorNotice title={t('registryMirrors.review.startFailed')} error={startError} /> : null}
      {task || checked?.verdict === 'in-effect' ? (
        <>
          {task ? <ApplyOutcome task={task} /> : null}
          <details className="registry-mirrors-plan__again">
            <summary>{t('registryMirrors.review.showPlan')}</summary>
            <PlanReview plan={plan} engineVersion={engineVersion} />
          </details>
        </>
      ) : (
        <PlanReview plan={plan} engineVersion={engineVersion} />
      )}
    </Dialog>
  );
}
