import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useTasksStore } from '../stores/tasks-store';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';
import { TaskItem } from './TaskItem';

export const TASK_PANEL_ID = 'task-panel';

/** The drawer listing every task main knows of, newest first. */
export function TaskPanel({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const tasks = useTasksStore((s) => s.tasks);
  const loadError = useTasksStore((s) => s.loadError);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    panel.current?.focus();
  }, []);

  return (
    <section
      id={TASK_PANEL_ID}
      ref={panel}
      className="popover-panel task-panel"
      role="dialog"
      aria-label={t('tasks.title')}
      tabIndex={-1}
      data-testid="task-panel"
    >
      <header className="task-panel__head">
        <h2>{t('tasks.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')} title={t('common.close')}>
          <Icon name="close" size={16} />
        </button>
      </header>
      {loadError ? <ErrorNotice title={t('tasks.loadFailed')} error={loadError} /> : null}
      {tasks.length === 0 ? (
        <div className="task-panel__empty" data-testid="task-panel-empty">
          <Icon name="tasks" size={28} />
          <strong>{t('tasks.empty')}</strong>
          <p>{t('tasks.emptyHint')}</p>
        </div>
      ) : (
        <ul className="task-panel__list">
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} />
          ))}
        </ul>
      )}
    </section>
  );
}
