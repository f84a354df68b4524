import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isDockerHub } from '../../../../../shared/image-reference';
import { shellQuote } from '../../../../../shared/shell-quote';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useStartedTask } from '../../../stores/use-started-task';
import { shortId } from '../cli-text';
import { ReferenceField } from './ReferenceField';
import { readReference } from './reference-input';
import { TransferRun } from './TransferRun';

/** `docker pull REF`: a reference checked as the CLI checks it, then the pull's live layers. */
export function PullDialog({ onClose }: { onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const { task, starting, startError, start } = useStartedTask<'pull'>();
  const input = readReference(t, value, { allowDigest: true });
  const ready = input.problem === null && !starting;

  const pull = (): void => {
    if (!ready || task) return;
    void start(() => call('images.pull', { reference: input.text }));
  };

  const result = task?.state === 'succeeded' ? task.result : null;
  const footer = task ? (
    <button type="button" className="button button--primary" onClick={onClose} data-testid="pull-close">
      {t('common.close')}
    </button>
  ) : (
    <>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button type="button" className="button button--primary" onClick={pull} disabled={!ready} data-testid="pull-start">
        {starting ? t('imageTransfer.pull.starting') : t('imageTransfer.pull.start')}
      </button>
    </>
  );

  return (
    <Dialog title={t('imageTransfer.pull.title')} subtitle={task ? task.target : t('imageTransfer.pull.subtitle')} onClose={onClose} footer={footer} size="wide" testId="pull-dialog">
      {task ? (
        <TransferRun
          task={task}
          failedTitle={t('imageTransfer.pull.failed')}
          cancelledText={t('imageTransfer.pull.cancelled')}
          outcome={
            result ? (
              <p className="notice notice--info">
                {t(result.upToDate ? 'imageTransfer.pull.upToDate' : 'imageTransfer.pull.done', { reference: result.reference, id: shortId(result.id) })}
              </p>
            ) : null
          }
        />
      ) : (
        <div className="images-transfer-form">
          {startError ? <ErrorNotice title={t('imageTransfer.pull.startFailed')} error={startError} /> : null}
          <ReferenceField
            label={t('imageTransfer.reference.label')}
            hint={t('imageTransfer.reference.hint')}
            value={value}
            input={input}
            defaultTagNote={t('imageTransfer.reference.defaultTag')}
            onChange={setValue}
            onSubmit={pull}
            testId="pull-reference"
          />
          {input.parsed && input.problem === null && isDockerHub(input.parsed) ? <p className="field__hint">{t('imageTransfer.pull.dockerHubNote')}</p> : null}
        </div>
      )}
      <div className="field">
        <span className="images-transfer-label">{t('imageTransfer.command')}</span>
        <CommandBlock commands={[{ command: shellQuote(['docker', 'pull', task?.target ?? (input.text || 'IMAGE[:TAG]')]) }]} testId="pull-command" />
      </div>
    </Dialog>
  );
}
