import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerAction, ContainerRow } from '../../../../shared/container-list';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { TaskItems } from '../../components/TaskItems';
import type { StartedTask } from '../../stores/use-started-task';
import { actionsForMany, isDestructive } from './container-actions';

/** What can be done with the checked rows (each action goes to the containers it applies to). */
export function SelectionBar({ rows, onAction, onClear }: { rows: ContainerRow[]; onAction(action: ContainerAction, rows: ContainerRow[]): void; onClear(): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="containers-selection" data-testid="containers-selection">
      <strong>{t('containers.actions.selected', { count: rows.length })}</strong>
      {actionsForMany(rows).map((action) => (
        <button
          key={action}
          type="button"
          className={isDestructive(action) && action !== 'stop' ? 'button button--small button--secondary button--danger-text' : 'button button--small button--secondary'}
          data-testid={`containers-bulk-${action}`}
          onClick={() => onAction(action, rows)}
        >
          {t(`containers.actions.${action}`)}
        </button>
      ))}
      <button type="button" className="button button--small button--subtle" onClick={onClear}>
        {t('containers.actions.clearSelection')}
      </button>
    </div>
  );
}

/** The outcome of an action started without a dialog (start, restart, pause, resume), shown only when something failed. */
export function QuickActionNotice({ quick }: { quick: StartedTask }): ReactElement | null {
  const { t } = useTranslation();
  const task = quick.task;
  const failedItems = task?.detail?.kind === 'items' && task.detail.items.some((i) => i.state === 'failed');
  const error = quick.startError ?? (task?.state === 'failed' ? (task.error ?? null) : null);
  const dismiss = (
    <div>
      <button type="button" className="button button--small button--subtle" onClick={quick.reset}>
        {t('containers.actions.dismiss')}
      </button>
    </div>
  );
  if (error) return <ErrorNotice title={t('containers.actions.failed')} error={error}>{dismiss}</ErrorNotice>;
  if (!task || !failedItems) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="containers-action-failed">
      <Icon name="alert" />
      <div className="notice__body">
        <strong>{t('containers.actions.failed')}</strong>
        <TaskItems task={task} counts={false} />
        {dismiss}
      </div>
    </div>
  );
}
