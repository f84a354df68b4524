import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { shellQuote } from '../../../../../shared/shell-quote';
import type { TaskInfo } from '../../../../../shared/tasks';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { shortId } from '../cli-text';
import { pathProblem, tagProblem } from '../build/form-checks';
import { TaskDialogFooter } from '../build/TaskDialogFooter';
import { TaskProgress } from '../../../components/TaskProgress';
import { useStartedTask } from '../../../stores/use-started-task';
import { PathField } from './PathField';
import '../../../styles/images-build.css';

type Mode = 'load' | 'import';
const MODES: readonly Mode[] = ['load', 'import'];

function commandFor(mode: Mode, path: string, reference: string, message: string): string {
  const file = path.trim() || 'FILE.tar';
  if (mode === 'load') return shellQuote(['docker', 'load', '-i', file]);
  return shellQuote(['docker', 'import', ...(message.trim() ? ['--message', message.trim()] : []), file, ...(reference.trim() ? [reference.trim()] : [])]);
}

/** What the finished task made: the loaded references, or the imported image. */
function Outcome({ task }: { task: TaskInfo<'image-load' | 'image-import'> }): ReactElement | null {
  const { t } = useTranslation();
  if (task.state !== 'succeeded' || !task.result) return null;
  if (task.kind === 'image-import') {
    const result = task.result;
    const id = shortId(result.id);
    return <p data-testid="load-outcome">{result.reference ? t('imageBuild.load.importedNamed', { id, reference: result.reference }) : t('imageBuild.load.imported', { id })}</p>;
  }
  const loaded = task.result.loaded;
  if (loaded.length === 0) return <p data-testid="load-outcome">{t('imageBuild.load.nothingNamed')}</p>;
  return (
    <div className="field" data-testid="load-outcome">
      <span className="images-build-command__label">{t('imageBuild.load.loaded')}</span>
      <ul className="images-archive">
        {loaded.map((ref) => (
          <li key={ref} className="chip chip--success mono">
            {ref.startsWith('sha256:') ? shortId(ref) : ref}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** `docker load -i FILE` or `docker import FILE [REF]`, chosen with one sentence on each. */
export function LoadDialog({ onClose }: { onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<Mode>('load');
  const [path, setPath] = useState('');
  const [reference, setReference] = useState('');
  const [message, setMessage] = useState('');
  const [attempted, setAttempted] = useState(false);
  const { task, starting, startError, start } = useStartedTask<'image-load' | 'image-import'>();

  const problem = pathProblem(t, path);
  const referenceProblem = mode === 'import' && reference.trim() !== '' ? tagProblem(t, reference) : null;

  const run = (): void => {
    setAttempted(true);
    if (problem || referenceProblem || starting) return;
    const file = path.trim();
    void start(() =>
      mode === 'load'
        ? call('images.load', { path: file })
        : call('images.import', { path: file, ...(reference.trim() ? { reference: reference.trim() } : {}), ...(message.trim() ? { message: message.trim() } : {}) }),
    );
  };

  const size = task?.step?.values?.size;
  const footer = (
    <TaskDialogFooter started={task !== undefined} onClose={onClose} testIdPrefix="load">
      <button type="button" className="button button--primary" onClick={run} disabled={starting} data-testid="load-start">
        {mode === 'load' ? t('imageBuild.load.startLoad') : t('imageBuild.load.startImport')}
      </button>
    </TaskDialogFooter>
  );

  return (
    <Dialog title={t('imageBuild.load.title')} subtitle={t('imageBuild.load.subtitle')} onClose={onClose} testId="load-dialog" footer={footer} size="wide">
      {task ? (
        <div className="images-build-run">
          <TaskProgress task={task} label={typeof size === 'string' ? t('imageBuild.load.progress', { size }) : t('tasks.progressUnknown')} />
          {task.error ? <ErrorNotice title={t('imageBuild.load.failed')} error={task.error} /> : null}
          <Outcome task={task} />
        </div>
      ) : (
        <>
          <div className="tabs" role="radiogroup" aria-label={t('imageBuild.load.title')}>
            {MODES.map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={mode === m}
                className={`tabs__tab${mode === m ? ' is-active' : ''}`}
                onClick={() => setMode(m)}
                data-testid={`load-mode-${m}`}
              >
                <span className="tabs__name">{m === 'load' ? t('imageBuild.load.modeLoad') : t('imageBuild.load.modeImport')}</span>
                <span className="tabs__hint">{m === 'load' ? t('imageBuild.load.modeLoadHint') : t('imageBuild.load.modeImportHint')}</span>
              </button>
            ))}
          </div>
          {startError ? <ErrorNotice title={t('imageBuild.load.startFailed')} error={startError} /> : null}
          <PathField
            label={t('imageBuild.load.path')}
            hint={t('imageBuild.load.pathHint')}
            value={path}
            problem={attempted || path.trim() !== '' ? problem : null}
            onChange={setPath}
            testId="load-path"
          />
          {mode === 'import' ? (
            <>
              <div className="field">
                <label htmlFor={`${id}-ref`}>{t('imageBuild.load.reference')}</label>
                <input
                  id={`${id}-ref`}
                  className="input mono"
                  value={reference}
                  onChange={(e) => setReference(e.target.value)}
                  placeholder={t('imageBuild.load.referencePlaceholder')}
                  spellCheck={false}
                  aria-invalid={referenceProblem !== null}
                  data-testid="load-reference"
                />
                <span className="field__hint">{t('imageBuild.load.referenceHint')}</span>
                {referenceProblem ? (
                  <span className="images-build-field__problem" role="alert">
                    {referenceProblem}
                  </span>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor={`${id}-msg`}>{t('imageBuild.load.message')}</label>
                <input id={`${id}-msg`} className="input" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={1024} data-testid="load-message" />
                <span className="field__hint">{t('imageBuild.load.messageHint')}</span>
              </div>
            </>
          ) : null}
        </>
      )}
      <div className="field">
        <span className="images-build-command__label">{t('imageBuild.command')}</span>
        <CommandBlock commands={[{ command: commandFor(mode, path, reference, message) }]} testId="load-command" />
      </div>
    </Dialog>
  );
}
