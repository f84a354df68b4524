import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { runningCount, useTasksStore } from '../stores/tasks-store';
import { Icon } from './Icon';
import { TASK_PANEL_ID, TaskPanel } from './TaskPanel';

/** The top bar's task button with its running count; toggles the task panel (Escape or a click outside closes it). */
export function TaskButton(): ReactElement {
  const { t } = useTranslation();
  const running = useTasksStore((s) => runningCount(s.tasks));
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent): void => {
      if (event.target instanceof Node && !container.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

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
