import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { DaemonConfigPlan, RegistrySettings } from '../../../../../shared/registry-mirrors';
import { call } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useTasksStore } from '../../../stores/tasks-store';
import { ApplyOutcome } from './ApplyOutcome';
import { PlanReview } from './PlanReview';

export interface ApplyDialogProps {
  plan: DaemonConfigPlan;
  settings: RegistrySettings;
  engineVersion?: string;
  onClose(): void;
  /** The task ended (the section reads the file again). */
  onSettled(): void;
}

/** The confirm step: the plan, then Apply; the task's steps and outcome replace the buttons once it runs. */
export function ApplyDialog({ plan, settings, engineVersion, onClose, onSettled }: ApplyDialogProps): ReactElement {
  const { t } = useTranslation();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [startError, setStartError] = useState<WharfErrorInfo | null>(null);
  const upsert = useTasksStore((s) => s.upsert);
  const task = useTasksStore((s) => (taskId ? s.tasks.find((x) => x.id === taskId) : undefined));
  const running = task?.state === 'running';
  const canApply = plan.valid && !plan.unchanged && plan.apply === 'run' && taskId === null;

  const apply = async (): Promise<void> => {
    setStartError(null);
    const envelope = await call('daemon.applyConfig', { ...settings, expectedHash: plan.currentHash });
    if (!envelope.ok) {
      setStartError(envelope.error);
      return;
    }
    upsert(envelope.value);
    setTaskId(envelope.value.id);
  };

  const close = (): void => {
    if (task && task.state !== 'running') onSettled();
    onClose();
  };

  return (
    <Dialog
      title={t('registryMirrors.review.title')}
      size="wide"
      testId="registry-apply-dialog"
      busy={running}
      onClose={close}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={close} disabled={running}>
            {task && !running ? t('registryMirrors.review.close') : t('registryMirrors.review.cancel')}
          </button>
          {canApply ? (
            <button type="button" className="button button--primary" onClick={() => void apply()} data-testid="registry-apply-confirm">
              {t('registryMirrors.review.apply')}
            </button>
          ) : null}
        </>
      }
    >
      {plan.apply === 'commands' ? <p className="notice notice--info">{t('registryMirrors.commandsOnly')}</p> : null}
      {startError ? <ErrorNotice title={t('registryMirrors.review.startFailed')} error={startError} /> : null}
      {task ? (
        <>
          <ApplyOutcome task={task} />
          <details className="registry-plan__again">
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
