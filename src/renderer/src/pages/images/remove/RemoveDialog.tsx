import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemovePlan, RemoveTarget } from '../../../../../shared/image-remove';
import { shellQuote } from '../../../../../shared/shell-quote';
import { humanSize } from '../../../../../shared/units';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { useStartedTask } from '../../../stores/use-started-task';
import { RemovePreview } from './RemovePreview';
import { RemoveReportView } from './RemoveReportView';
import { useRemovePlan } from './use-remove-plan';
import '../../../styles/images-remove.css';

type Step = 'preview' | 'force';

function Summary({ plan, force }: { plan: RemovePlan; force: boolean }): ReactElement {
  const { t } = useTranslation();
  const deletes = plan.items.filter((i) => i.mode === 'delete').length;
  const untags = plan.items.length - deletes;
  const freed = force || plan.blocked === 0 ? plan.freedBytes : plan.freedBytesWithoutBlocked;
  return (
    <div className="images-remove-summary" data-testid="remove-summary">
      <div>
        <strong>{t('imageRemove.summary.deletes', { count: deletes })}</strong>
        {untags > 0 ? <span className="muted"> · {t('imageRemove.summary.untags', { count: untags })}</span> : null}
      </div>
      <div className="images-remove-summary__freed" title={t('imageRemove.summary.freedTitle')}>
        {t('imageRemove.summary.freed')} <strong data-testid="remove-freed">{humanSize(freed)}</strong>
      </div>
    </div>
  );
}

/**
 * `docker image rm`, previewed: what goes (untag or delete), what containers block, the space it frees and the
 * command of the same meaning. Force is a second, explicit step. The run's progress and report stay in view.
 */
export function RemoveDialog({ target, onClose, onStarted }: { target: RemoveTarget; onClose(): void; onStarted(): void }): ReactElement {
  const { t } = useTranslation();
  const planState = useRemovePlan(target);
  const [step, setStep] = useState<Step>('preview');
  const { task, starting, startError, start } = useStartedTask<'image-remove'>();

  const remove = async (plan: RemovePlan, force: boolean): Promise<void> => {
    const answer = await start(() => call('images.remove', { items: plan.items.map(({ ref, id, mode }) => ({ ref, id, mode })), force }));
    if (answer.ok) onStarted();
  };

  let body: ReactElement;
  let footer: ReactElement | undefined;
  if (task) {
    body = <RemoveReportView task={task} />;
    footer = (
      <button type="button" className="button button--secondary" onClick={onClose} data-testid="remove-close">
        {t('common.close')}
      </button>
    );
  } else if (planState.state === 'loading') {
    body = <Spinner />;
  } else if (planState.state === 'failed') {
    body = <ErrorNotice title={t('imageRemove.planFailed')} error={planState.error} />;
  } else {
    const { plan } = planState;
    const force = step === 'force';
    const command = shellQuote([...plan.command.slice(0, 3), ...(force ? ['-f'] : []), ...plan.command.slice(3)]);
    body = (
      <div className="images-remove-dialog">
        {plan.missing.length > 0 ? (
          <div className="notice notice--warning" data-testid="remove-missing">
            <Icon name="alert" />
            <div className="notice__body">{t('imageRemove.missing', { names: plan.missing.join(', ') })}</div>
          </div>
        ) : null}
        {plan.items.length === 0 ? (
          <p className="muted">{t('imageRemove.nothing')}</p>
        ) : (
          <>
            <Summary plan={plan} force={force} />
            <RemovePreview plan={plan} />
            {plan.blocked > 0 && !force ? (
              <div className="notice notice--warning" data-testid="remove-blocked">
                <Icon name="alert" />
                <div className="notice__body">
                  <strong>{t('imageRemove.blocked.title', { count: plan.blocked })}</strong>
                  <p>{t('imageRemove.blocked.body')}</p>
                </div>
              </div>
            ) : null}
            {force ? (
              <div className="notice notice--error" data-testid="remove-force-warning">
                <Icon name="alert" />
                <div className="notice__body">
                  <strong>{t('imageRemove.force.title')}</strong>
                  <p>{t('imageRemove.force.body')}</p>
                </div>
              </div>
            ) : null}
            <div className="images-remove-command">
              <span className="muted">{t('imageRemove.command')}</span>
              <CommandBlock commands={[{ command }]} testId="remove-command" />
            </div>
          </>
        )}
        {startError ? <ErrorNotice title={t('imageRemove.startFailed')} error={startError} /> : null}
      </div>
    );
    footer = (
      <>
        {force ? (
          <button type="button" className="button button--subtle" onClick={() => setStep('preview')}>
            {t('common.back')}
          </button>
        ) : (
          <button type="button" className="button button--subtle" onClick={onClose}>
            {t('common.cancel')}
          </button>
        )}
        {plan.blocked > 0 && !force ? (
          <button type="button" className="button button--secondary" data-testid="remove-force" onClick={() => setStep('force')}>
            {t('imageRemove.force.next')}
          </button>
        ) : null}
        {plan.items.length > 0 ? (
          <button
            type="button"
            className="button button--primary button--danger"
            data-testid="remove-confirm"
            disabled={starting}
            onClick={() => void remove(plan, force)}
          >
            <Icon name="trash" size={16} />
            {force ? t('imageRemove.force.confirm', { count: plan.items.length }) : t('imageRemove.confirm', { count: plan.items.length })}
          </button>
        ) : null}
      </>
    );
  }

  return (
    <Dialog title={t('imageRemove.title')} subtitle={t('imageRemove.subtitle')} onClose={onClose} size="wide" testId="remove-dialog" busy={starting} footer={footer}>
      {body}
    </Dialog>
  );
}
