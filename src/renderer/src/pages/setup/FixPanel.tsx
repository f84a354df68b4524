import { useEffect, type ReactElement } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { isPrivilegeRefusalDetails } from '../../../../shared/privilege';
import type { FixId, SetupDiagnosis } from '../../../../shared/setup';
import { shellQuote } from '../../../../shared/shell-quote';
import { CommandBlock } from '../../components/CommandBlock';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { Spinner } from '../../components/Spinner';
import { dynamicText } from '../../i18n/messages';
import { useSetupStore } from '../../stores/setup-store';
import { useTasksStore } from '../../stores/tasks-store';
import { GroupRiskNotes } from './GroupRiskNotes';
import { serviceName } from './setup-model';

/** The followed task of this fix, if the user ran it on this visit. */
function useFixTask(fix: FixId) {
  const run = useSetupStore((s) => (s.fixRun?.fix === fix ? s.fixRun : null));
  return useTasksStore((s) => (run ? s.tasks.find((task) => task.id === run.taskId) : undefined));
}

/** How a failed fix reads: pkexec's "cancelled", "not authorized" and "no agent" get their own sentence. */
function failureKey(error: WharfErrorInfo): 'setup.fix.cancelled' | 'setup.fix.notAuthorized' | 'setup.fix.noAgent' | 'setup.fix.failed' {
  if (isPrivilegeRefusalDetails(error.details) && error.details.privilege === 'no-agent') return 'setup.fix.noAgent';
  if (error.code === 'cancelled') return 'setup.fix.cancelled';
  if (error.code === 'permission-denied') return 'setup.fix.notAuthorized';
  return 'setup.fix.failed';
}

/** Everything about one fix before and while it runs: what it does, the exact commands, the risk, and Run (or copy). */
export function FixPanel({ fix, diagnosis }: { fix: FixId; diagnosis: SetupDiagnosis }): ReactElement {
  const { t } = useTranslation();
  const plan = useSetupStore((s) => s.plans[fix]);
  const planError = useSetupStore((s) => s.planErrors[fix]);
  const loadPlan = useSetupStore((s) => s.loadPlan);
  const runFix = useSetupStore((s) => s.runFix);
  const startError = useSetupStore((s) => (s.fixStartError?.fix === fix ? s.fixStartError.error : null));
  const diagnose = useSetupStore((s) => s.diagnose);
  const diagnosing = useSetupStore((s) => s.diagnosing);
  const task = useFixTask(fix);

  useEffect(() => {
    void loadPlan(fix);
  }, [fix, loadPlan]);

  const user = diagnosis.user.name;
  const lines = plan ? plan.commands.map((argv) => shellQuote(argv)) : [];
  const manual = diagnosis.privilege === 'manual';
  const running = task?.state === 'running';

  return (
    <div className="setup-fix-panel" data-testid={`setup-fix-panel-${fix}`} data-fix={fix}>
      <p className="setup-fix-panel__summary">{t(`setup.fix.${fix}.summary`, { user, group: diagnosis.dockerGroup.name, unit: serviceName(diagnosis) })}</p>

      <div className="setup-fix-panel__commands-head">
        <h4 className="section-label">
          <Icon name="terminal" size={14} />
          {t('setup.fix.plan')}
        </h4>
        {lines.length > 1 ? <CopyButton label={t('setup.copyAll')} text={() => `${lines.join('\n')}\n`} testId="setup-fix-copy-all" /> : null}
      </div>
      {planError ? <ErrorNotice title={t('setup.fix.planFailed')} error={planError} /> : null}
      {plan ? <CommandBlock commands={lines.map((command) => ({ command }))} prompt="#" testId="setup-fix-commands" /> : planError ? null : <Spinner />}
      <p className="setup-fix-panel__hint muted">{t('setup.fix.rootPrompt')}</p>

      {fix === 'add-user-to-group' ? <GroupRiskNotes user={user} /> : null}

      {manual ? (
        <div className="notice notice--info setup-fix-panel__manual" data-testid="setup-manual-note">
          <Icon name="info" />
          <div className="notice__body">
            <strong>{t('setup.manual.title')}</strong>
            <p>{t('setup.manual.body')}</p>
            <div>
              <button type="button" className="button button--primary" onClick={() => void diagnose()} disabled={diagnosing} data-testid="setup-manual-recheck">
                <Icon name="retry" size={16} />
                {diagnosing ? t('setup.checking') : t('setup.manual.recheck')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="setup-fix-panel__run">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void runFix(fix)}
            disabled={running || !plan}
            data-testid="setup-fix-run"
          >
            <Icon name={diagnosis.privilege === 'pkexec' ? 'shield' : 'play'} size={16} />
            {running ? t('setup.fix.running') : t(`setup.fix.run.${diagnosis.privilege}`)}
          </button>
          <span className="muted">{t(`setup.fix.runHint.${diagnosis.privilege}`)}</span>
        </div>
      )}

      {task ? (
        <div className="setup-fix-panel__task" data-testid="setup-fix-task" data-state={task.state} role="status">
          {task.state === 'running' ? (
            <>
              <ProgressBar value={task.progress} label={t('setup.fix.progressLabel')} />
              <span className="muted">{task.step ? dynamicText(t, `tasks.step.${task.step.key}`, task.step.key, task.step.values) : t('setup.fix.running')}</span>
            </>
          ) : null}
          {task.state === 'succeeded' ? (
            <p className="setup-fix-panel__done">
              <Icon name="check" size={16} />
              {t('setup.fix.succeeded')}
            </p>
          ) : null}
          {task.state === 'cancelled' ? <p className="muted">{t('setup.fix.cancelled')}</p> : null}
          {task.state === 'failed' && task.error ? (
            <ErrorNotice title={t(failureKey(task.error))} error={task.error}>
              <p className="muted">{t('setup.fix.fallback')}</p>
            </ErrorNotice>
          ) : null}
        </div>
      ) : null}
      {startError ? <ErrorNotice title={t('setup.fix.startFailed')} error={startError} /> : null}
    </div>
  );
}
