import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInfo } from '../../../../../shared/tasks';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PullFailureHint, RegistryAuthHint, TaskLayers } from '../../../components/TaskLayers';
import { dynamicText } from '../../../i18n/messages';
import { TaskProgress } from '../../../components/TaskProgress';
import '../../../styles/images-build.css';
import '../../../styles/images-transfer.css';

export interface TransferRunProps {
  task: TaskInfo;
  failedTitle: string;
  cancelledText: string;
  /** What the finished task made (shown once it succeeded). */
  outcome: ReactNode;
}

/** A pull or push as its dialog follows it: the bar with Cancel, the layers, then the outcome or error. */
export function TransferRun({ task, failedTitle, cancelledText, outcome }: TransferRunProps): ReactElement {
  const { t } = useTranslation();
  const step = task.step ? dynamicText(t, `tasks.step.${task.step.key}`, task.step.key, task.step.values) : t('tasks.progressUnknown');
  const percent = task.progress === null ? '' : ` · ${Math.round(task.progress * 100)}%`;
  return (
    <div className="images-transfer-run" data-testid="transfer-run" data-state={task.state}>
      <TaskProgress task={task} label={task.state === 'running' ? `${step}${percent}` : t(`tasks.state.${task.state}`)} />
      <TaskLayers task={task} authHint={false} />
      {task.error ? (
        <ErrorNotice title={failedTitle} error={task.error}>
          <RegistryAuthHint error={task.error} />
          <PullFailureHint error={task.error} />
        </ErrorNotice>
      ) : null}
      {task.state === 'cancelled' ? <p className="muted">{cancelledText}</p> : null}
      {task.state === 'succeeded' ? <div data-testid="transfer-outcome">{outcome}</div> : null}
      {task.state === 'running' ? <p className="faint">{t('imageTransfer.keepsRunning')}</p> : null}
    </div>
  );
}
