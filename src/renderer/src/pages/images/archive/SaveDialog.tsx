import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isSaveTargetDetails } from '../../../../../shared/save-target';
import { shellQuote } from '../../../../../shared/shell-quote';
import { humanSize } from '../../../../../shared/units';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { pathProblem } from '../build/form-checks';
import { TaskDialogFooter } from '../build/TaskDialogFooter';
import { TaskProgress } from '../../../components/TaskProgress';
import { useStartedTask } from '../../../stores/use-started-task';
import { PathField } from './PathField';
import '../../../styles/images-build.css';

/** `docker save -o FILE IMAGE…` as a task; an existing file is replaced only after the user says so. */
export function SaveDialog({ images, onClose }: { images: string[]; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [attempted, setAttempted] = useState(false);
  const { task, starting, startError, start, reset } = useStartedTask<'image-save'>();
  const problem = pathProblem(t, path);
  const exists = startError?.code === 'conflict';
  // The core's refusal of what is at the path (a device, a folder, a link…), said at the field.
  const refused = startError && !exists && isSaveTargetDetails(startError.details) ? startError.details : null;
  const refusedText = refused ? t(`imageBuild.save.problem.${refused.problem}`, { folder: refused.realFolder ?? '' }) : null;
  const shownProblem = (attempted || path.trim() !== '' ? problem : null) ?? refusedText;

  const save = (overwrite: boolean): void => {
    setAttempted(true);
    if (problem || starting) return;
    void start(() => call('images.save', { images, path: path.trim(), overwrite }));
  };

  const result = task?.state === 'succeeded' ? task.result : undefined;
  const size = task?.step?.values?.size;
  const label = result ? t('imageBuild.save.succeeded', { size: humanSize(result.bytes), path: result.path }) : typeof size === 'string' ? t('imageBuild.save.progress', { size }) : t('tasks.progressUnknown');
  const command = shellQuote(['docker', 'save', '-o', path.trim() || 'FILE.tar', ...images]);

  const footer = (
    <TaskDialogFooter started={task !== undefined} onClose={onClose} testIdPrefix="save">
      {exists ? (
        <button type="button" className="button button--primary" onClick={() => save(true)} disabled={starting} data-testid="save-replace">
          {t('imageBuild.save.replace')}
        </button>
      ) : (
        <button type="button" className="button button--primary" onClick={() => save(false)} disabled={starting} data-testid="save-start">
          {t('imageBuild.save.start')}
        </button>
      )}
    </TaskDialogFooter>
  );

  return (
    <Dialog title={t('imageBuild.save.title')} subtitle={t('imageBuild.save.subtitle')} onClose={onClose} testId="save-dialog" footer={footer}>
      <div className="field">
        <span className="images-build-command__label">{t('imageBuild.save.images')}</span>
        <ul className="images-archive">
          {images.map((image) => (
            <li key={image} className="chip chip--muted mono">
              {image}
            </li>
          ))}
        </ul>
      </div>
      {task ? (
        <div className="images-build-run">
          <TaskProgress task={task} label={label} />
          {task.error ? <ErrorNotice title={t('imageBuild.save.failed')} error={task.error} /> : null}
        </div>
      ) : (
        <>
          <PathField
            label={t('imageBuild.save.path')}
            hint={t('imageBuild.save.pathHint')}
            value={path}
            problem={shownProblem}
            onChange={(value) => {
              setPath(value);
              if (startError) reset();
            }}
            testId="save-path"
          />
          {exists ? (
            <div className="notice notice--warning" role="alert" data-testid="save-exists">
              <div className="notice__body">{t('imageBuild.save.exists', { path: path.trim() })}</div>
            </div>
          ) : startError && !refused ? (
            <ErrorNotice title={t('imageBuild.save.startFailed')} error={startError} />
          ) : null}
        </>
      )}
      <div className="field">
        <span className="images-build-command__label">{t('imageBuild.command')}</span>
        <CommandBlock commands={[{ command }]} testId="save-command" />
      </div>
    </Dialog>
  );
}
