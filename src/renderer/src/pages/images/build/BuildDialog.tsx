import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { buildCommand, buildFailureMessage, buildFailureStep } from '../../../../../shared/image-build';
import { shellQuote } from '../../../../../shared/shell-quote';
import type { TaskInfo } from '../../../../../shared/tasks';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { TaskLogView } from '../../../components/TaskLogView';
import { shortId } from '../cli-text';
import { buildInput, checkForm, INITIAL_FORM, type BuildForm } from './build-form';
import { BuildFormFields } from './BuildFormFields';
import { TaskDialogFooter } from './TaskDialogFooter';
import { TaskProgress } from '../../../components/TaskProgress';
import { useStartedTask } from '../../../stores/use-started-task';
import '../../../styles/images-build.css';

function progressLabel(t: TFunction, task: TaskInfo<'build'>): string {
  const n = task.step?.values?.n;
  const m = task.step?.values?.m;
  if (task.state === 'succeeded') {
    const result = task.result;
    const id = shortId(result?.id ?? '');
    return result && result.tags.length > 0 ? t('imageBuild.build.succeededTagged', { id, tags: result.tags.join(', ') }) : t('imageBuild.build.succeeded', { id });
  }
  if (task.state === 'cancelled') return t('imageBuild.build.cancelled');
  // A failure says where it stopped in its own notice.
  if (task.state === 'failed') return '';
  if (typeof n === 'number' && typeof m === 'number') return t('imageBuild.build.progress', { n, m });
  return t('imageBuild.build.sending');
}

/** A failed build: the step that failed, its instruction, and the engine's own words. */
function BuildFailure({ task }: { task: TaskInfo }): ReactElement | null {
  const { t } = useTranslation();
  if (task.state !== 'failed' || !task.error) return null;
  const step = buildFailureStep(task.error.details);
  if (!step) return <ErrorNotice title={t('imageBuild.build.failed')} error={task.error} />;
  return (
    <div className="notice notice--error" role="alert" data-testid="build-failure">
      <Icon name="alert" />
      <div className="notice__body">
        <div className="images-build-failed-step" data-testid="build-failed-step">
          <strong>{t('imageBuild.build.failedStep', { n: step.n, m: step.m })}</strong>
          <code>{step.instruction}</code>
        </div>
        <code className="notice__detail">{buildFailureMessage(task.error)}</code>
      </div>
    </div>
  );
}

/** `docker build` of a folder: the form, then the live log and progress of the build task. */
export function BuildDialog({ onClose, onBuilt }: { onClose(): void; onBuilt(id: string): void }): ReactElement {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState<BuildForm>(INITIAL_FORM);
  const [attempted, setAttempted] = useState(false);
  const { task, starting, startError, start, reset } = useStartedTask<'build'>();
  const problems = useMemo(() => checkForm(t, form), [t, form]);
  const command = shellQuote(buildCommand(buildInput(form)));

  const reported = useRef<string | null>(null);
  const builtCallback = useRef(onBuilt);
  useEffect(() => {
    builtCallback.current = onBuilt;
  });
  useEffect(() => {
    if (task?.state !== 'succeeded' || reported.current === task.id) return;
    reported.current = task.id;
    const id = task.result?.id;
    if (id) builtCallback.current(id);
  }, [task]);

  const submit = (): void => {
    setAttempted(true);
    if (problems.any || starting) return;
    void start(() => call('images.build', buildInput(form)));
  };

  const failedStep = task?.state === 'failed' ? buildFailureStep(task.error?.details) : undefined;
  const again =
    task && task.state !== 'running' ? (
      <button type="button" className="button button--secondary" onClick={reset} data-testid="build-again">
        {t('imageBuild.build.again')}
      </button>
    ) : null;
  const footer = (
    <TaskDialogFooter started={task !== undefined} onClose={onClose} testIdPrefix="build" after={again}>
      <button type="submit" form={formId} className="button button--primary" disabled={starting} data-testid="build-start">
        {t('imageBuild.build.start')}
      </button>
    </TaskDialogFooter>
  );

  return (
    <Dialog title={t('imageBuild.build.title')} subtitle={t('imageBuild.build.subtitle')} onClose={onClose} size="wide" testId="build-dialog" footer={footer}>
      {task ? (
        <div className="images-build-run">
          <CommandBlock commands={[{ command }]} testId="build-command" />
          <TaskProgress task={task} label={progressLabel(t, task)} />
          <BuildFailure task={task} />
          <TaskLogView task={task} highlight={failedStep ? `Step ${failedStep.n}/${failedStep.m} : ${failedStep.instruction}` : undefined} />
        </div>
      ) : (
        <form
          id={formId}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {startError ? <ErrorNotice title={t('imageBuild.build.startFailed')} error={startError} /> : null}
          <BuildFormFields form={form} problems={problems} showAll={attempted} onChange={setForm} />
          <div className="field">
            <span className="images-build-command__label">{t('imageBuild.command')}</span>
            <CommandBlock commands={[{ command }]} testId="build-command" />
          </div>
        </form>
      )}
    </Dialog>
  );
}
