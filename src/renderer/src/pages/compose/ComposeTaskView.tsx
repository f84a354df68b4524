import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeServiceOutcome } from '../../../../shared/compose';
import type { TaskInfo } from '../../../../shared/tasks';
import { TaskItem } from '../../components/TaskItem';

interface FailedCompose {
  services?: ComposeServiceOutcome[];
  output?: string;
}

function failedDetails(task: TaskInfo<'compose'>): FailedCompose | undefined {
  const details = task.error?.details as { compose?: FailedCompose } | undefined;
  return details?.compose;
}

/** A compose task as the page follows it: the task (its log is the command, then compose's lines), then per service what happened. */
export function ComposeTaskView({ task }: { task: TaskInfo<'compose'> }): ReactElement {
  const { t } = useTranslation();
  const failed = failedDetails(task);
  const outcomes = task.result?.services ?? failed?.services ?? [];
  return (
    <div className="compose-task" data-testid="compose-task" data-state={task.state} data-task={task.id}>
      <ul className="tasks">
        <TaskItem task={task} />
      </ul>
      {outcomes.length > 0 ? (
        <div className="compose-task__outcomes">
          <h4>{t('compose.task.outcomes')}</h4>
          <ul>
            {outcomes.map((o) => (
              <li key={o.service} data-testid="compose-outcome" data-service={o.service} data-state={o.state}>
                <span className="mono" translate="no">
                  {o.service}
                </span>
                <span className={`chip ${o.state === 'done' ? 'chip--success' : 'chip--danger'}`}>{t(`compose.task.${o.state}`)}</span>
                {o.message ? <span className="mono faint compose-task__message">{o.message}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {failed?.output ? (
        <details className="compose-task__output">
          <summary>{t('compose.task.output')}</summary>
          <pre className="compose-output mono">{failed.output}</pre>
        </details>
      ) : null}
    </div>
  );
}
