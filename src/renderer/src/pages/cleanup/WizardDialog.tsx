import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleanupPreview, CleanupReport, CleanupWizard } from '../../../../shared/cleanup';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { Spinner } from '../../components/Spinner';
import { TaskItems } from '../../components/TaskItems';
import { errorMessage } from '../../i18n/messages';
import { useStartedTask } from '../../stores/use-started-task';
import { parseProtect, useCleanupSettings } from './cleanup-settings';
import { CleanupReportView } from './CleanupReportView';
import { PreviewStep } from './PreviewStep';
import { toOptions, WizardOptions, type OptionsForm } from './WizardOptions';

const STEPS = ['choose', 'preview', 'run', 'report'] as const;
type Step = (typeof STEPS)[number];

function isReport(value: unknown): value is CleanupReport {
  return typeof value === 'object' && value !== null && 'reclaimed' in value && 'removed' in value;
}

function Steps({ current }: { current: Step }): ReactElement {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <ol className="cleanup-steps" data-testid="cleanup-steps">
      {STEPS.map((s, i) => (
        <li key={s} className={i === at ? 'is-current' : i < at ? 'is-done' : undefined} aria-current={i === at ? 'step' : undefined}>
          <span className="cleanup-steps__n">{i < at ? <Icon name="check" size={12} /> : i + 1}</span>
          {t(`cleanup.step.${s}`)}
        </li>
      ))}
    </ol>
  );
}

/** One wizard: choose → preview (tick what goes) → run (a task) → report. Closing after the run refreshes the page. */
export function WizardDialog({ wizard, onClose, onDone }: { wizard: CleanupWizard; onClose(): void; onDone(): void }): ReactElement {
  const { t } = useTranslation();
  const settings = useCleanupSettings();
  const [form, setForm] = useState<OptionsForm>({ exitedHours: '', untilHours: '', keepNewest: '', keepStorageMb: '', protect: settings.protect.join('\n'), allImages: false, volumes: false });
  const [preview, setPreview] = useState<CleanupPreview | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const run = useStartedTask();
  const task = run.task;
  const report = task && isReport(task.result) ? task.result : null;
  const step: Step = report || task?.state === 'failed' || task?.state === 'cancelled' ? 'report' : task ? 'run' : preview ? 'preview' : 'choose';

  const makePreview = async (): Promise<void> => {
    const protect = parseProtect(form.protect);
    settings.update({ protect });
    setPreviewing(true);
    setError(null);
    const answer = await call('cleanup.preview', { wizard, options: toOptions(wizard, form, protect) });
    setPreviewing(false);
    if (!answer.ok) return setError(answer.error);
    setPreview(answer.value);
    setSelected(new Set(answer.value.items.filter((i) => i.selected).map((i) => i.key)));
  };
  const start = async (): Promise<void> => {
    if (!preview) return;
    await run.start(() => call('cleanup.run', { previewId: preview.id, keys: preview.items.filter((i) => selected.has(i.key)).map((i) => i.key) }));
  };
  const ended = task !== undefined && task.state !== 'running';
  // Measure again once the run has ended: the page's df and history show its effect.
  useEffect(() => {
    if (ended) onDone();
  }, [ended, onDone]);
  const close = onClose;

  let body: ReactElement;
  let footer: ReactElement;
  if (step === 'choose') {
    body = (
      <>
        <WizardOptions wizard={wizard} form={form} onForm={setForm} />
        {error ? <ErrorNotice title={t('cleanup.preview.failed')} error={error} /> : null}
      </>
    );
    footer = (
      <>
        <button type="button" className="button button--subtle" onClick={close}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void makePreview()} disabled={previewing} data-testid="cleanup-make-preview">
          {previewing ? <Spinner /> : null}
          {t('cleanup.preview.action')}
        </button>
      </>
    );
  } else if (step === 'preview' && preview) {
    body = (
      <>
        {preview.combines.length > 0 ? <p className="muted">{t('cleanup.options.combines', { names: preview.combines.map((w) => t(`cleanup.wizards.${w}.name`)).join(' + ') })}</p> : null}
        <PreviewStep preview={preview} selected={selected} onSelected={setSelected} />
        {run.startError ? <ErrorNotice title={t('cleanup.preview.startFailed')} error={run.startError} /> : null}
      </>
    );
    footer = (
      <>
        <button type="button" className="button button--subtle" onClick={() => setPreview(null)}>
          {t('common.back')}
        </button>
        <button type="button" className="button button--primary button--danger" disabled={selected.size === 0 || run.starting} onClick={() => void start()} data-testid="cleanup-start">
          <Icon name="trash" size={16} />
          {t('cleanup.preview.start', { count: selected.size })}
        </button>
      </>
    );
  } else {
    body = (
      <div className="cleanup-run" data-testid="cleanup-run" data-state={task?.state}>
        {task ? <ProgressBar value={task.state === 'running' ? task.progress : 1} tone={task.state === 'failed' ? 'danger' : task.state === 'running' ? 'accent' : 'success'} label={t('cleanup.run.progress')} /> : <Spinner />}
        {report ? <CleanupReportView report={report} /> : task ? <TaskItems task={task} /> : null}
        {task?.error ? <p className="notice notice--error">{errorMessage(t, task.error)}</p> : null}
      </div>
    );
    footer = (
      <button type="button" className="button button--secondary" onClick={close} disabled={step === 'run'} data-testid="cleanup-close">
        {t('common.close')}
      </button>
    );
  }

  return (
    <Dialog title={t(`cleanup.wizards.${wizard}.name`)} subtitle={<Steps current={step} />} onClose={close} size="wide" testId="cleanup-wizard" busy={step === 'run'} footer={footer}>
      <div className="cleanup-wizard">{body}</div>
    </Dialog>
  );
}
