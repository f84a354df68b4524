import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isDockerHub } from '../../../../../shared/image-reference';
import { checkPrefix, prefixPullCommands, prefixedReference } from '../../../../../shared/prefix-mirrors';
import { shellQuote } from '../../../../../shared/shell-quote';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useCall } from '../../../hooks/use-call';
import { useStartedTask } from '../../../stores/use-started-task';
import { shortId } from '../cli-text';
import { PullThrough, type PullThroughState } from './PullThrough';
import { ReferenceField } from './ReferenceField';
import { readReference } from './reference-input';
import { TransferRun } from './TransferRun';

/** `docker pull REF`: a reference checked as the CLI checks it, then the pull's live layers. */
export function PullDialog({ onClose }: { onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const { task, starting, startError, start } = useStartedTask<'pull'>();
  const input = readReference(t, value, { allowDigest: true });
  const prefixes = useCall('registryMirrors.prefixes', {});
  const registry = input.parsed?.domain ?? '';
  const saved = prefixes.data?.prefixes.find((p) => p.registry === registry)?.prefix;
  const [through, setThrough] = useState<PullThroughState>({ on: false, prefix: '' });
  // The registry's saved prefix is the default, as the core would use it (set again when the registry changes).
  const [seededFor, setSeededFor] = useState('');
  const seed = `${registry} ${saved ?? ''}`;
  if (seed !== seededFor) {
    setSeededFor(seed);
    setThrough({ on: saved !== undefined, prefix: saved ?? '' });
  }
  const digest = input.parsed?.digest !== undefined;
  const usePrefix = through.on && !digest;
  const checkedPrefix = usePrefix ? checkPrefix(through.prefix) : undefined;
  const prefixProblem = checkedPrefix && 'problem' in checkedPrefix ? t(`registryMirrors.prefixProblem.${checkedPrefix.problem}`) : null;
  const ready = input.problem === null && prefixProblem === null && !starting;

  const pull = (): void => {
    if (!ready || task) return;
    const mirror = checkedPrefix && 'value' in checkedPrefix ? checkedPrefix.value : saved !== undefined ? null : undefined;
    void start(() => call('images.pull', { reference: input.text, ...(mirror !== undefined ? { mirror } : {}) }));
  };
  const commands =
    task?.result?.commands ??
    (input.parsed && checkedPrefix && 'value' in checkedPrefix ? prefixPullCommands(input.parsed.familiar, prefixedReference(input.parsed, checkedPrefix.value)) : [['docker', 'pull', task?.target ?? (input.text || 'IMAGE[:TAG]')]]);

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
              <p className="notice notice--info" data-testid="pull-outcome">
                {t(result.upToDate ? 'imageTransfer.pull.upToDate' : 'imageTransfer.pull.done', { reference: result.reference, id: shortId(result.id) })}
                {result.source.kind === 'prefix' ? ` ${t('imageTransfer.pull.through.served', { prefix: result.source.prefix, pulled: result.source.pulled })}` : null}
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
          {input.parsed && input.problem === null && isDockerHub(input.parsed) && !usePrefix ? <p className="field__hint">{t('imageTransfer.pull.dockerHubNote')}</p> : null}
          {input.parsed && input.problem === null && !digest && (!isDockerHub(input.parsed) || saved !== undefined) ? (
            <PullThrough registry={registry} saved={saved} state={through} problem={prefixProblem} onChange={setThrough} />
          ) : null}
        </div>
      )}
      <div className="field">
        <span className="images-transfer-label">{t('imageTransfer.command')}</span>
        <CommandBlock commands={commands.map((argv) => ({ command: shellQuote(argv) }))} testId="pull-command" />
      </div>
    </Dialog>
  );
}
