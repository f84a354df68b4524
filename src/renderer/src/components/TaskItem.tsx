import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInfo, TaskState } from '../../../shared/tasks';
import { dynamicText, errorMessage } from '../i18n/messages';
import { engineNameOf, useEngineStore } from '../stores/engine-store';
import { useTasksStore } from '../stores/tasks-store';
import { EngineDot } from './engines/EngineDot';
import { ProgressBar } from './ProgressBar';
import { TaskItems } from './TaskItems';
import { PullFailureHint, RegistryAuthHint, TaskLayers } from './TaskLayers';
import { TaskLogView } from './TaskLogView';
import { formatDate } from '../i18n/date-format';

const TONES: Record<TaskState, 'accent' | 'success' | 'danger' | 'muted'> = {
  running: 'accent',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'muted',
};

export function TaskItem({ task }: { task: TaskInfo }): ReactElement {
  const { t, i18n } = useTranslation();
  const cancelling = useTasksStore((s) => s.cancelling[task.id] === true);
  const cancelError = useTasksStore((s) => s.cancelErrors[task.id]);
  const cancel = useTasksStore((s) => s.cancel);
  const engineInUse = useEngineStore((s) => engineNameOf(s.status));
  // Said only where it differs from the engine in use: a task that runs on, or ran on, an engine Wharf left.
  const elsewhere = task.engine !== undefined && engineInUse !== undefined && task.engine !== engineInUse ? task.engine : undefined;

  const kind = dynamicText(t, `tasks.kind.${task.kind}`, task.kind);
  const step = task.step ? dynamicText(t, `tasks.step.${task.step.key}`, task.step.key, task.step.values) : null;
  const running = task.state === 'running';
  const progress = task.state === 'succeeded' ? 1 : task.progress;
  const started = formatDate(i18n.language, 'timeShort', task.startedAt);

  return (
    <li className="task" data-testid={`task-${task.id}`} data-state={task.state}>
      <div className="task__head">
        <span className="task__kind">{kind}</span>
        <span className={`chip chip--${TONES[task.state]}`}>{t(`tasks.state.${task.state}`)}</span>
        {elsewhere ? (
          <span className="chip task__engine" title={t('engines.taskOnEngineTitle', { name: elsewhere })} data-testid="task-engine">
            <EngineDot name={elsewhere} />
            {t('engines.taskOnEngine', { name: elsewhere })}
          </span>
        ) : null}
        {running && task.cancellable ? (
          <button
            type="button"
            className="button button--subtle button--small"
            onClick={() => void cancel(task.id)}
            disabled={cancelling}
            aria-label={t('tasks.cancelLabel', { target: task.target })}
            data-testid="task-cancel"
          >
            {cancelling ? t('tasks.cancelling') : t('tasks.cancel')}
          </button>
        ) : null}
      </div>
      <div className="task__target" title={task.target}>
        {task.target}
      </div>
      {running || task.progress !== null ? (
        <ProgressBar value={running ? progress : (progress ?? 1)} tone={TONES[task.state]} label={t('tasks.progressLabel', { target: task.target })} />
      ) : null}
      <div className="task__meta">
        {/* The step says what is happening; once the task has ended its state chip says it. */}
        <span>{running ? (step ?? (progress === null ? t('tasks.progressUnknown') : `${Math.round(progress * 100)}%`)) : ''}</span>
        <time dateTime={new Date(task.startedAt).toISOString()}>{started}</time>
      </div>
      {task.detail?.kind === 'layers' ? <TaskLayers task={task} authHint={false} /> : null}
      {task.detail?.kind === 'items' ? <TaskItems task={task} /> : null}
      {task.logLines ? <TaskLogView task={task} /> : null}
      {task.error ? (
        <div className="task__error" role="alert">
          <p>{errorMessage(t, task.error)}</p>
          <code>{task.error.message}</code>
          <RegistryAuthHint error={task.error} />
          <PullFailureHint error={task.error} />
        </div>
      ) : null}
      {cancelError ? (
        <div className="task__error" role="alert">
          <p>{errorMessage(t, cancelError)}</p>
          <code>{cancelError.message}</code>
        </div>
      ) : null}
    </li>
  );
}
