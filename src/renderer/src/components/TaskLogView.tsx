import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInfo } from '../../../shared/tasks';
import { call } from '../api';
import { CopyButton } from './CopyButton';
import '../styles/tasks.css';

/** Lines kept on screen; older ones scroll away (the core keeps as many). */
const MAX_LINES = 5000;
/** How close to the bottom (px) still counts as "at the bottom" for auto-scroll. */
const STICK_SLACK = 24;

interface LogState {
  taskId: string;
  first: number;
  /** Absolute index of lines[0]: the lines before it were dropped (by the core or here). */
  lines: string[];
}

const empty = (taskId: string): LogState => ({ taskId, first: 0, lines: [] });

export interface TaskLogViewProps {
  task: TaskInfo;
  /** A line to mark (e.g. the build step that failed); its last occurrence is highlighted and scrolled to. */
  highlight?: string;
}

/**
 * A task's output (a build log) as it grows: fetches what is new from tasks.log whenever the task says it has
 * more lines, and follows the end while the user is at the bottom.
 */
export function TaskLogView({ task, highlight }: TaskLogViewProps): ReactElement | null {
  const { t } = useTranslation();
  const [log, setLog] = useState<LogState>(() => empty(task.id));
  const fetching = useRef(false);
  const box = useRef<HTMLPreElement>(null);
  const stick = useRef(true);
  const marked = useRef<HTMLSpanElement>(null);

  const current = log.taskId === task.id ? log : empty(task.id);
  const next = current.first + current.lines.length;
  const available = task.logLines ?? 0;

  const fetchMore = useCallback(
    async (id: string, from: number): Promise<void> => {
      if (fetching.current) return;
      fetching.current = true;
      try {
        const envelope = await call('tasks.log', { id, from });
        if (!envelope.ok) return;
        const slice = envelope.value;
        setLog((prev) => {
          const base = prev.taskId === id ? prev : empty(id);
          if (base.first + base.lines.length !== from) return base;
          const gap = slice.from - from;
          const lines = gap > 0 ? slice.lines : [...base.lines, ...slice.lines];
          const first = gap > 0 ? slice.from : base.first;
          const excess = Math.max(0, lines.length - MAX_LINES);
          return { taskId: id, first: first + excess, lines: excess ? lines.slice(excess) : lines };
        });
      } finally {
        fetching.current = false;
      }
    },
    [],
  );

  useEffect(() => {
    if (available > next && !fetching.current) void fetchMore(task.id, next);
  }, [available, next, task.id, fetchMore]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (highlight && marked.current) marked.current.scrollIntoView({ block: 'center' });
    else if (stick.current) el.scrollTop = el.scrollHeight;
  }, [current.lines, highlight]);

  const onScroll = (): void => {
    const el = box.current;
    if (el) stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - STICK_SLACK;
  };

  const markAt = highlight ? current.lines.lastIndexOf(highlight) : -1;

  return (
    <div className="task-log" data-testid="task-log" data-lines={current.first + current.lines.length}>
      <div className="task-log__bar">
        <span className="task-log__note faint">{current.first > 0 ? t('imageBuild.log.dropped', { lines: current.first }) : ''}</span>
        <CopyButton label={t('imageBuild.log.copy')} text={() => current.lines.join('\n')} disabled={current.lines.length === 0} testId="task-log-copy" />
      </div>
      <pre ref={box} className="task-log__text" role="log" aria-label={t('imageBuild.log.label', { target: task.target })} tabIndex={0} onScroll={onScroll}>
        {current.lines.length === 0 ? <span className="faint">{t('imageBuild.log.waiting')}</span> : null}
        {markAt < 0 ? (
          current.lines.join('\n')
        ) : (
          <>
            {current.lines.slice(0, markAt).join('\n')}
            {markAt > 0 ? '\n' : ''}
            <span ref={marked} className="task-log__mark" data-testid="task-log-mark">
              {current.lines[markAt]}
            </span>
            {markAt < current.lines.length - 1 ? '\n' : ''}
            {current.lines.slice(markAt + 1).join('\n')}
          </>
        )}
      </pre>
    </div>
  );
}
