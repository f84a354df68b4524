import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInfo, TaskState } from '../../../shared/tasks';
import { ProgressBar } from './ProgressBar';
import { useTasksStore } from '../stores/tasks-store';
import '../styles/tasks.css';

const TONES: Record<TaskState, 'accent' | 'success' | 'danger' | 'muted'> = {
  running: 'accent',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'muted',
};

/** A dialog's view of its running task: the bar, what it is doing, and Cancel while it runs. */
export function TaskProgress({ task, label }: { task: TaskInfo; label: string }): ReactElement {
  const { t } = useTranslation();
  const cancel = useTasksStore((s) => s.cancel);
  const cancelling = useTasksStore((s) => s.cancelling[task.id] === true);
  const running = task.state === 'running';
  const value = task.state === 'succeeded' ? 1 : running ? task.progress : (task.progress ?? 1);
  return (
    <div className="task-progress" data-testid="task-progress" data-state={task.state}>
      <ProgressBar value={value} tone={TONES[task.state]} label={t('tasks.progressLabel', { target: task.target })} />
      {label || running ? (
        <div className="task-progress__line">
          <span className="muted">{label}</span>
          {running && task.cancellable ? (
            <button type="button" className="button button--subtle button--small" onClick={() => void cancel(task.id)} disabled={cancelling} data-testid="task-progress-cancel">
              {cancelling ? t('tasks.cancelling') : t('tasks.cancel')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
