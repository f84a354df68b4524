import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeContainer, ComposeFolder } from '../../../../shared/compose';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { shellQuote } from '../../../../shared/shell-quote';
import { call } from '../../api';
import { CommandBlock } from '../../components/CommandBlock';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon, type IconName } from '../../components/Icon';
import { useCall } from '../../hooks/use-call';
import { useStartedTask } from '../../stores/use-started-task';
import { commandFor, type ComposeActionName } from './compose-command';
import { ComposeTaskView } from './ComposeTaskView';
import { DownDialog } from './DownDialog';
import { ExecDialog } from './ExecDialog';
import { FolderEditor } from './FolderEditor';
import { LogsDialog } from './LogsDialog';
import { filesOf, type ProjectRow } from './project-rows';
import { ServicesTable } from './ServicesTable';

type PanelDialog = { kind: 'down' } | { kind: 'logs'; service?: string } | { kind: 'exec'; container: ComposeContainer };

const ACTIONS: Array<{ action: Exclude<ComposeActionName, 'down'>; icon: IconName; needsFiles: boolean }> = [
  { action: 'up', icon: 'play', needsFiles: true },
  { action: 'stop', icon: 'stop', needsFiles: false },
  { action: 'start', icon: 'play', needsFiles: false },
  { action: 'restart', icon: 'retry', needsFiles: false },
  { action: 'pull', icon: 'download', needsFiles: true },
];

/** One project: where its files are, its actions with their commands, its services' containers, its files in an editor. */
export function ProjectPanel({ row, onChanged }: { row: ProjectRow; onChanged(): void }): ReactElement {
  const { t } = useTranslation();
  const exists = row.project !== undefined;
  const ps = useCall('compose.ps', { project: row.name }, { enabled: exists });
  const { task, starting, startError, start: startTask, reset } = useStartedTask<'compose'>();
  // A new command replaces the last one's view at once (its outcome stays in the task panel).
  const start: typeof startTask = (run) => {
    reset();
    return startTask(run);
  };
  const [dialog, setDialog] = useState<PanelDialog | null>(null);
  const [folder, setFolder] = useState<ComposeFolder | null>(null);
  const [openError, setOpenError] = useState<WharfErrorInfo | null>(null);
  const files = filesOf(row);
  const busy = starting || task?.state === 'running';

  // The containers changed (an event refreshed the list): ask ps again. Also once a task of this panel ended.
  const statusKey = `${row.project?.status ?? ''} ${task?.state ?? ''}`;
  const seen = useRef(statusKey);
  const { refresh } = ps;
  useEffect(() => {
    if (seen.current === statusKey) return;
    seen.current = statusKey;
    refresh();
    onChanged();
  }, [statusKey, refresh, onChanged]);

  const run = (action: Exclude<ComposeActionName, 'down'>, services?: string[]): void => {
    const svc = services ? { services } : {};
    void start(() =>
      action === 'up' && files ? call('compose.up', { project: row.name, files: files.files, workingDir: files.workingDir, ...svc }) : call('compose.action', { project: row.name, action: action === 'up' ? 'start' : action, ...svc }),
    );
  };
  const editFiles = async (): Promise<void> => {
    if (!files) return;
    setOpenError(null);
    const answer = await call('compose.open', { path: files.workingDir });
    if (answer.ok) {
      setFolder(answer.value);
      onChanged();
    } else setOpenError(answer.error);
  };
  const forget = async (): Promise<void> => {
    if (!row.opened) return;
    await call('compose.forget', { workingDir: row.opened.workingDir });
    onChanged();
  };
  const configFiles = row.opened?.files ?? (row.project?.configFiles ? row.project.configFiles.split(',') : []);
  const workingDir = row.opened?.workingDir ?? row.project?.workingDir ?? '';

  return (
    <div className="compose-panel" data-testid="compose-panel" data-project={row.name}>
      <section className="card compose-panel__head">
        <div className="compose-panel__title">
          <h2 className="mono" translate="no">
            {row.name}
          </h2>
          {row.project ? <span className="chip chip--muted">{row.project.status}</span> : <span className="chip chip--muted">{t('compose.list.notStarted')}</span>}
          <span className="resource-spacer" />
          {row.opened ? (
            <button type="button" className="button button--subtle button--small" title={t('compose.panel.forgetTitle')} onClick={() => void forget()} data-testid="compose-forget">
              {t('compose.panel.forget')}
            </button>
          ) : null}
        </div>
        <dl className="compose-panel__facts">
          {workingDir ? (
            <>
              <dt>{t('compose.panel.workingDir')}</dt>
              <dd className="mono" translate="no">
                {workingDir}
              </dd>
            </>
          ) : null}
          {configFiles.length > 0 ? (
            <>
              <dt>{t('compose.panel.configFiles')}</dt>
              <dd className="mono" translate="no">
                {configFiles.join(', ')}
              </dd>
            </>
          ) : null}
        </dl>
        {!files ? <p className="notice notice--warning">{t('compose.panel.filesGone')}</p> : null}
        <div className="compose-panel__actions">
          {ACTIONS.map(({ action, icon, needsFiles }) => (
            <button
              key={action}
              type="button"
              className={`button ${action === 'up' ? 'button--primary' : 'button--secondary'}`}
              disabled={busy || (needsFiles ? !files : !exists)}
              title={shellQuote(commandFor(row, action))}
              onClick={() => run(action)}
              data-testid={`compose-${action}`}
            >
              <Icon name={icon} size={14} />
              {t(`compose.action.${action}`)}
            </button>
          ))}
          <button type="button" className="button button--danger" disabled={busy || !exists} title={shellQuote(commandFor(row, 'down'))} onClick={() => setDialog({ kind: 'down' })} data-testid="compose-down">
            <Icon name="trash" size={14} />
            {t('compose.action.down')}
          </button>
          <button type="button" className="button button--subtle" disabled={!exists} onClick={() => setDialog({ kind: 'logs' })} data-testid="compose-logs">
            {t('compose.action.logs')}
          </button>
          <button type="button" className="button button--subtle" disabled={!files || folder !== null} onClick={() => void editFiles()} data-testid="compose-edit">
            <Icon name="folder" size={14} />
            {t('compose.action.edit')}
          </button>
        </div>
        <details className="compose-panel__commands">
          <summary>{t('compose.panel.commands')}</summary>
          <CommandBlock commands={(['up', 'stop', 'start', 'restart', 'pull', 'down'] as const).filter((a) => (a === 'up' || a === 'pull' ? files : exists)).map((a) => ({ command: shellQuote(commandFor(row, a)) }))} testId="compose-commands" />
        </details>
        {startError ? <ErrorNotice title={t('compose.action.startFailed')} error={startError} /> : null}
        {openError ? <ErrorNotice title={t('compose.open.failed')} error={openError} /> : null}
        {task ? <ComposeTaskView task={task} /> : null}
      </section>

      {exists ? (
        <section className="card compose-panel__services">
          <h3>{t('compose.panel.services')}</h3>
          {ps.error ? <ErrorNotice title={t('compose.services.psFailed')} error={ps.error} onRetry={refresh} /> : null}
          {ps.data && ps.data.containers.length === 0 ? <p className="muted">{t('compose.panel.noContainers')}</p> : null}
          {ps.data && ps.data.containers.length > 0 ? (
            <ServicesTable
              containers={ps.data.containers}
              busy={busy}
              actions={{ action: (action, service) => run(action, [service]), logs: (service) => setDialog({ kind: 'logs', service }), exec: (container) => setDialog({ kind: 'exec', container }) }}
            />
          ) : null}
          {ps.data ? <CommandBlock commands={[{ command: shellQuote(ps.data.command) }]} /> : null}
        </section>
      ) : null}

      {folder ? <FolderEditor folder={folder} onClose={() => setFolder(null)} onSaved={onChanged} /> : null}

      {dialog?.kind === 'down' ? (
        <DownDialog
          project={row.name}
          onClose={() => setDialog(null)}
          onDown={(choice) => {
            setDialog(null);
            void start(() => call('compose.down', { project: row.name, ...choice }));
          }}
        />
      ) : null}
      {dialog?.kind === 'logs' ? <LogsDialog project={row.name} service={dialog.service} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'exec' ? <ExecDialog containerId={dialog.container.id} name={dialog.container.name} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
