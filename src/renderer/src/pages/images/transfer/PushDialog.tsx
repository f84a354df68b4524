import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isDockerHub } from '../../../../../shared/image-reference';
import { shellQuote } from '../../../../../shared/shell-quote';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { useStartedTask } from '../../../stores/use-started-task';
import { readReference } from './reference-input';
import { TransferRun } from './TransferRun';
import '../../../styles/images-transfer.css';

/** `docker push REF`: says where it goes (and warns about Docker Hub), then the push's live layers. */
export function PushDialog({ reference, onClose }: { reference: string; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const { task, starting, startError, start } = useStartedTask<'push'>();
  const input = readReference(t, reference, { allowDigest: false });
  const parsed = input.problem === null ? input.parsed : null;

  const push = (): void => {
    if (!parsed || starting || task) return;
    void start(() => call('images.push', { reference: input.text }));
  };

  const result = task?.state === 'succeeded' ? task.result : null;
  const footer = task ? (
    <button type="button" className="button button--primary" onClick={onClose} data-testid="push-close">
      {t('common.close')}
    </button>
  ) : (
    <>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button type="button" className="button button--primary" onClick={push} disabled={!parsed || starting} data-testid="push-start">
        {t('imageTransfer.push.start')}
      </button>
    </>
  );

  return (
    <Dialog
      title={t('imageTransfer.push.title')}
      subtitle={t('imageTransfer.push.subtitle', { reference: parsed?.familiar ?? reference })}
      onClose={onClose}
      footer={footer}
      size="wide"
      testId="push-dialog"
    >
      {task ? (
        <TransferRun
          task={task}
          failedTitle={t('imageTransfer.push.failed')}
          cancelledText={t('imageTransfer.push.cancelled')}
          outcome={
            result ? (
              <p className="notice notice--info">
                {t('imageTransfer.push.done', { reference: result.reference })}
                {result.digest ? <code className="mono"> {t('imageTransfer.push.digest', { digest: result.digest })}</code> : null}
              </p>
            ) : null
          }
        />
      ) : (
        <div className="images-transfer-form">
          {startError ? <ErrorNotice title={t('imageTransfer.push.startFailed')} error={startError} /> : null}
          {parsed ? (
            <>
              <p data-testid="push-target">
                {t('imageTransfer.push.target', { registry: isDockerHub(parsed) ? t('imageTransfer.reference.dockerHub') : parsed.domain, path: `${parsed.path}:${parsed.tag ?? 'latest'}` })}
              </p>
              {isDockerHub(parsed) ? (
                <div className="notice notice--warning" data-testid="push-docker-hub">
                  <Icon name="alert" />
                  <div className="notice__body">
                    <p>{t('imageTransfer.push.dockerHubWarning')}</p>
                  </div>
                </div>
              ) : null}
            </>
          ) : (
            <div className="notice notice--error" role="alert" data-testid="push-invalid">
              <Icon name="alert" />
              <div className="notice__body">
                <p>{t('imageTransfer.push.notPushable')}</p>
                <p>{input.problem}</p>
              </div>
            </div>
          )}
        </div>
      )}
      <div className="field">
        <span className="images-transfer-label">{t('imageTransfer.command')}</span>
        <CommandBlock commands={[{ command: shellQuote(['docker', 'push', parsed?.familiar ?? reference]) }]} testId="push-command" />
      </div>
    </Dialog>
  );
}
