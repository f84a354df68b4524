import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryMirrorsRollback } from '../../../../../shared/registry-mirrors';
import type { TaskInfo } from '../../../../../shared/tasks';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { ProgressBar } from '../../../components/ProgressBar';
import { dynamicText } from '../../../i18n/messages';

function rollbackOf(task: TaskInfo): RegistryMirrorsRollback | undefined {
  const details = task.error?.details;
  if (!details || typeof details !== 'object' || !('rollback' in details)) return undefined;
  return (details as { rollback: RegistryMirrorsRollback }).rollback;
}

/** The apply task as it runs (its step), then what happened: applied, unchanged, refused, or rolled back with the engine's log. */
export function ApplyOutcome({ task }: { task: TaskInfo<'registry-mirrors-apply'> }): ReactElement {
  const { t } = useTranslation();
  const stepKey = task.step?.key ?? 'registry-validate';
  const step = dynamicText(t, `tasks.step.${stepKey}`, stepKey);
  if (task.state === 'running') {
    return (
      <div className="registry-mirrors-outcome" data-testid="registry-apply-progress">
        <ProgressBar value={task.progress} label={step} />
        <p className="muted">{step}…</p>
      </div>
    );
  }
  if (task.state === 'succeeded') {
    const result = task.result;
    return (
      <div className="notice notice--info registry-mirrors-outcome" data-testid="registry-apply-result" data-outcome={result?.outcome}>
        <Icon name="check" />
        <div className="notice__body">
          <strong>{result?.outcome === 'unchanged' ? t('registryMirrors.task.unchanged') : result?.via === 'restart' ? t('registryMirrors.task.appliedRestart') : t('registryMirrors.task.applied')}</strong>
          {result?.backupPath ? <p className="mono">{t('registryMirrors.task.backup', { path: result.backupPath })}</p> : null}
        </div>
      </div>
    );
  }
  if (task.state === 'cancelled') {
    return (
      <div className="notice notice--info registry-mirrors-outcome" data-testid="registry-apply-result" data-outcome="cancelled">
        <div className="notice__body">{t('registryMirrors.task.cancelled')}</div>
      </div>
    );
  }
  const rollback = rollbackOf(task);
  return (
    <div data-testid="registry-apply-result" data-outcome={rollback ? 'rolled-back' : 'failed'}>
      {task.error ? (
        <ErrorNotice title={t('registryMirrors.task.failed')} error={task.error}>
          {rollback ? (
            <>
              <p>{t(`registryMirrors.task.rollback.${rollback.reason}`)}</p>
              <p>{rollback.restored ? t('registryMirrors.task.rollback.restored') : t('registryMirrors.task.rollback.notRestored')}</p>
              {rollback.backupPath ? <p className="mono">{t('registryMirrors.task.backup', { path: rollback.backupPath })}</p> : null}
              {rollback.engineLog.length > 0 ? (
                <details className="registry-mirrors-outcome__log">
                  <summary>{t('registryMirrors.task.rollback.log')}</summary>
                  <pre className="mono">{rollback.engineLog.join('\n')}</pre>
                </details>
              ) : null}
            </>
          ) : null}
        </ErrorNotice>
      ) : null}
    </div>
  );
}
