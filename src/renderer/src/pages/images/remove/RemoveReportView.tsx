import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInfo } from '../../../../../shared/tasks';
import { ProgressBar } from '../../../components/ProgressBar';
import { Spinner } from '../../../components/Spinner';
import { TaskItems } from '../../../components/TaskItems';
import { errorMessage } from '../../../i18n/messages';

/** The removal task as it runs, then what it did: removed, untagged, skipped and failed, each with why. */
export function RemoveReportView({ task }: { task: TaskInfo<'image-remove'> | undefined }): ReactElement {
  const { t } = useTranslation();
  if (!task) return <Spinner />;
  const report = task.result ?? null;
  return (
    <div className="images-remove-report" data-testid="remove-report" data-state={task.state}>
      <ProgressBar value={task.state === 'running' ? task.progress : 1} tone={task.state === 'failed' ? 'danger' : task.state === 'running' ? 'accent' : 'success'} label={t('imageRemove.progress')} />
      {report ? (
        <div className="images-remove-report__counts">
          <span className="chip chip--success">{t('imageRemove.report.removed', { count: report.removed })}</span>
          <span className="chip chip--muted">{t('imageRemove.report.untagged', { count: report.untagged })}</span>
          {report.skipped > 0 ? <span className="chip chip--warning">{t('imageRemove.report.skipped', { count: report.skipped })}</span> : null}
          {report.failed > 0 ? <span className="chip chip--danger">{t('imageRemove.report.failed', { count: report.failed })}</span> : null}
        </div>
      ) : (
        <p className="muted">{t(`tasks.state.${task.state}`)}</p>
      )}
      <TaskItems task={task} counts={report === null} />
      {task.error ? <p className="images-remove-report__error">{errorMessage(t, task.error)}</p> : null}
      {report && report.lines.length > 0 ? <pre className="images-remove-report__lines">{report.lines.join('\n')}</pre> : null}
    </div>
  );
}
