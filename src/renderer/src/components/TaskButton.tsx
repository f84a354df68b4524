import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { usePopover } from '../hooks/use-popover';
import { runningCount, useTasksStore } from '../stores/tasks-store';
import { Icon } from './Icon';
import { TASK_PANEL_ID, TaskPanel } from './TaskPanel';

/** The top bar's task button with its running count; toggles the task panel (Escape or a click outside closes it). */
export function TaskButton(): ReactElement {
  const { t } = useTranslation();
  const running = useTasksStore((s) => runningCount(s.tasks));
  const { open, setOpen, container, button } = usePopover();

  return (
    <div className="task-button" ref={container}>
      <button
        ref={button}
        type="button"
        className={`button button--ghost${open ? ' is-active' : ''}`}
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-controls={TASK_PANEL_ID}
        aria-label={t('tasks.buttonLabel', { count: running })}
        data-testid="task-panel-button"
        data-running={running}
      >
        <Icon name="tasks" />
        <span>{t('tasks.button')}</span>
        {running > 0 ? (
          <span className="badge" data-testid="task-running-count">
            {running}
          </span>
        ) : null}
      </button>
      {open ? <TaskPanel onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
