import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerLogUsage } from '../../../../../shared/container-logs';
import { humanSize } from '../../../../../shared/units';
import { shellQuote } from '../../../../../shared/shell-quote';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { TaskProgress } from '../../../components/TaskProgress';
import { useStartedTask } from '../../../stores/use-started-task';

/**
 * The preview of a truncation (each container and its size, the total, what it means), then the task and its outcome
 * per container. Where Wharf cannot run commands as root (web mode), the command to run instead.
 */
export function TruncateLogsDialog({ rows, onClose, onSettled }: { rows: readonly ContainerLogUsage[]; onClose(): void; onSettled(): void }): ReactElement {
  const { t } = useTranslation();
  const { task, startError, starting, start } = useStartedTask<'container-logs-truncate'>();
  const running = task?.state === 'running';
  const total = rows.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
  const commands = (task?.error?.details as { commands?: string[][] } | undefined)?.commands;
  const close = (): void => {
    if (task && !running) onSettled();
    onClose();
  };
  return (
    <Dialog
      title={t('containerLogs.dialog.title', { count: rows.length })}
      testId="container-logs-dialog"
      size="wide"
      busy={running}
      onClose={close}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={close} disabled={running} data-testid="container-logs-dialog-close">
            {task && !running ? t('containerLogs.dialog.close') : t('containerLogs.dialog.cancel')}
          </button>
          {task === undefined ? (
            <button type="button" className="button button--danger" disabled={starting} onClick={() => void start(() => call('containers.truncateLogs', { ids: rows.map((r) => r.id) }))} data-testid="container-logs-confirm">
              {t('containerLogs.dialog.confirm', { size: humanSize(total) })}
            </button>
          ) : null}
        </>
      }
    >
      {startError ? <ErrorNotice title={t('containerLogs.dialog.failed')} error={startError} /> : null}
      {task === undefined ? (
        <>
          <p>{t('containerLogs.dialog.what')}</p>
          <ul className="container-logs__preview" data-testid="container-logs-preview">
            {rows.map((r) => (
              <li key={r.id}>
                <span>{r.name}</span>
                <span className="mono">{humanSize(r.bytes ?? 0)}</span>
              </li>
            ))}
          </ul>
          <p className="muted">{t('containerLogs.dialog.keepRunning')}</p>
        </>
      ) : running ? (
        <TaskProgress task={task} label={t('containerLogs.dialog.running')} />
      ) : task.state === 'succeeded' && task.result ? (
        <div data-testid="container-logs-result">
          <p className="notice notice--info">{t('containerLogs.dialog.freed', { size: humanSize(task.result.freed) })}</p>
          <ul className="container-logs__preview">
            {task.result.items.map((item) => (
              <li key={item.id} data-outcome={item.outcome}>
                <span>{item.name}</span>
                <span>{t(`containerLogs.outcome.${item.outcome}`)}{item.reason && item.outcome === 'skipped' ? ` — ${t(`containerLogs.skipped.${item.reason === 'gone' ? 'gone' : 'noLocalFile'}`)}` : ''}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : task.error?.code === 'unsupported' && commands ? (
        // Nothing failed: Wharf cannot run it as root here, so it is the user's to run.
        <div data-testid="container-logs-manual">
          <p className="notice notice--info">{t('containerLogs.dialog.manual')}</p>
          <CommandBlock prompt="#" commands={commands.map((argv) => ({ command: shellQuote(argv) }))} testId="container-logs-commands" />
        </div>
      ) : task.error ? (
        <ErrorNotice title={t('containerLogs.dialog.failed')} error={task.error} />
      ) : null}
    </Dialog>
  );
}
