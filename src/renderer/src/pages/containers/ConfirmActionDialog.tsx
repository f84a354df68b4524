import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerRow } from '../../../../shared/container-list';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { TaskItems } from '../../components/TaskItems';
import { useStartedTask } from '../../stores/use-started-task';
import type { DestructiveAction } from './container-actions';
import { stopsUnderWay } from './stop-countdown';
import { Stopping } from './StoppingChip';

const SHOWN_NAMES = 12;

function timeoutValue(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  return /^\d{1,4}$/.test(text.trim()) && Number(text) <= 3600 ? Number(text) : null;
}

/** Stop, kill or remove, confirmed first: what goes, the options (timeout, -v, -f), then the per-item outcome. */
export function ConfirmActionDialog({ action, rows, onClose, onStarted }: { action: DestructiveAction; rows: ContainerRow[]; onClose(): void; onStarted(): void }): ReactElement {
  const { t } = useTranslation();
  const [timeout, setTimeoutText] = useState('');
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const [force, setForce] = useState(false);
  const { task, starting, startError, start } = useStartedTask<'container-action'>();
  const timeoutSeconds = timeoutValue(timeout);
  const running = rows.filter((r) => r.state === 'running' || r.state === 'paused' || r.state === 'restarting').length;
  const blocked = action === 'remove' && running > 0 && !force;
  const failed = task?.detail?.kind === 'items' && task.detail.items.some((i) => i.state === 'failed');
  const stops = stopsUnderWay(task ? [task] : []);

  useEffect(() => {
    if (task?.state === 'succeeded' && !failed) onClose();
  }, [task?.state, failed, onClose]);

  const go = async (): Promise<void> => {
    const answer = await start(() =>
      call('containers.action', {
        ids: rows.map((r) => r.id),
        action,
        ...(action === 'stop' && timeoutSeconds !== undefined && timeoutSeconds !== null ? { timeout: timeoutSeconds } : {}),
        ...(action === 'remove' ? { removeVolumes, force } : {}),
      }),
    );
    if (answer.ok) onStarted();
  };

  const footer = task ? (
    <button type="button" className="button button--secondary" onClick={onClose} disabled={task.state === 'running'} data-testid="confirm-close">
      {t('containers.confirm.close')}
    </button>
  ) : (
    <>
      <button type="button" className="button button--subtle" onClick={onClose}>
        {t('containers.confirm.cancel')}
      </button>
      <button type="button" className={action === 'stop' ? 'button button--primary' : 'button button--primary button--danger'} disabled={starting || timeoutSeconds === null || blocked} onClick={() => void go()} data-testid="confirm-action">
        {t(`containers.confirm.go.${action}`)}
      </button>
    </>
  );

  return (
    <Dialog title={t(`containers.confirm.title.${action}`)} subtitle={t(`containers.confirm.body.${action}`)} onClose={onClose} footer={footer} testId="container-confirm" busy={task?.state === 'running'}>
      <ul className="containers-confirm__names">
        {rows.slice(0, SHOWN_NAMES).map((r) => {
          const stop = stops.get(r.id);
          return (
            <li key={r.id}>
              <code>{r.name}</code> <span className="faint">{r.image}</span>
              {stop ? <Stopping stop={stop} /> : null}
            </li>
          );
        })}
        {rows.length > SHOWN_NAMES ? <li className="faint">{t('tasks.items.more', { count: rows.length - SHOWN_NAMES })}</li> : null}
      </ul>
      {task ? (
        <div className="containers-confirm__progress">
          <ProgressBar value={task.progress} label={t(`containers.confirm.title.${action}`)} tone={task.state === 'failed' || failed ? 'danger' : task.state === 'succeeded' ? 'success' : 'accent'} />
          <TaskItems task={task} />
          {task.error ? <ErrorNotice title={t('containers.actions.failed')} error={task.error} /> : null}
        </div>
      ) : (
        <div className="containers-confirm__options">
          {action === 'stop' ? (
            <label className="field">
              <span>{t('containers.confirm.timeout')}</span>
              <input className="input containers-confirm__timeout" inputMode="numeric" value={timeout} onChange={(e) => setTimeoutText(e.target.value)} placeholder="10" data-testid="confirm-timeout" aria-invalid={timeoutSeconds === null} />
              <span className={timeoutSeconds === null ? 'field__hint containers-problem' : 'field__hint'}>{timeoutSeconds === null ? t('containers.confirm.timeoutInvalid') : t('containers.confirm.timeoutHint')}</span>
            </label>
          ) : null}
          {action === 'remove' ? (
            <>
              <label className="checkbox">
                <input type="checkbox" checked={removeVolumes} onChange={(e) => setRemoveVolumes(e.target.checked)} data-testid="confirm-remove-volumes" />
                {t('containers.confirm.removeVolumes')}
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} data-testid="confirm-force" />
                {t('containers.confirm.force')}
              </label>
              {blocked ? <p className="notice notice--warning">{t('containers.confirm.runningWarning', { count: running })}</p> : null}
            </>
          ) : null}
          {startError ? <ErrorNotice title={t('containers.confirm.startFailed')} error={startError} /> : null}
        </div>
      )}
    </Dialog>
  );
}
