import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryMirrorsPlan, PlannedCommand } from '../../../../../shared/registry-mirrors';
import { shellQuote } from '../../../../../shared/shell-quote';
import { CommandBlock } from '../../../components/CommandBlock';
import { PROXY_FIELDS } from '../../../../../shared/engine-proxy';
import { useProxyProblem } from './EngineProxy';

/** The delimiter of the here-documents that feed a command its input when the user runs the commands by hand. */
export const HEREDOC_END = 'WHARF_EOF';

/**
 * A command as the user copies it; what it reads on stdin (the new file for dd, the expected hash for sha256sum -c)
 * follows as a here-document. Wharf itself passes it on stdin. The here-document ends the input with a newline the
 * file may not have: dd counts the bytes it takes.
 */
function commandText(command: PlannedCommand, plan: RegistryMirrorsPlan, manual = plan.apply === 'commands'): string {
  const line = shellQuote(command.argv);
  if (!manual || command.stdin === undefined) return line;
  return `${line} <<'${HEREDOC_END}'\n${command.stdin}${command.stdin.endsWith('\n') ? '' : '\n'}${HEREDOC_END}`;
}

/** The plan before applying: the line diff of daemon.json, what the check found, conflicts, and the exact commands. */
export function PlanReview({ plan, engineVersion }: { plan: RegistryMirrorsPlan; engineVersion?: string }): ReactElement {
  const { t } = useTranslation();
  const v = plan.engineValidation;
  const problemOf = useProxyProblem();
  const proxy = plan.proxy;
  const proxyProblems = proxy ? PROXY_FIELDS.flatMap((f) => (proxy.checks[f].problem ? [[f, problemOf(proxy.checks[f]) as string] as const] : [])) : [];
  return (
    <div className="registry-mirrors-plan" data-testid="registry-plan">
      {proxyProblems.map(([field, problem]) => (
        <p key={field} className="notice notice--error" role="alert" data-testid="registry-plan-proxy-problem">
          {problem}
        </p>
      ))}
      {plan.restartEffects ? (
        <p className="notice notice--warning" data-testid="registry-plan-restart">
          {plan.restartEffects.liveRestore ? t('registryMirrors.review.restartLiveRestore') : t('registryMirrors.review.restart', { count: plan.restartEffects.running })}
        </p>
      ) : null}
      {proxy?.privateFile && !plan.unchanged ? <p className="muted">{t('registryMirrors.review.privateFile')}</p> : null}
      {plan.conflicts.map((c) => (
        <p key={c.key} className="notice notice--error" role="alert" data-testid="registry-plan-conflict">
          {t('registryMirrors.review.conflict', { flag: `${c.flag} ${c.flagValues.join(' ')}`, key: c.key })}
        </p>
      ))}
      {plan.unchanged && !proxy?.dropIn ? <p className="notice notice--info">{t('registryMirrors.review.unchanged')}</p> : null}
      {!plan.unchanged ? (
        <>
          <h4 className="section-label">{t('registryMirrors.review.diff')}</h4>
          <code className="mono registry-mirrors-plan__path">{plan.path}</code>
          <pre className="registry-mirrors-diff mono" data-testid="registry-plan-diff">
            {plan.diff.map((line, index) => (
              <span key={index} className={`registry-mirrors-diff__line registry-mirrors-diff__line--${line.op}`}>
                {line.op === 'add' ? '+ ' : line.op === 'remove' ? '- ' : '  '}
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
          {v.ran ? (
            <p className={v.ok ? 'muted' : 'notice notice--error'}>
              {v.ok ? t('registryMirrors.review.validationOk') : t('registryMirrors.review.validationFailed')}
              {!v.ok ? <code className="notice__detail">{v.output}</code> : null}
            </p>
          ) : v.reason === 'engine-too-old' ? (
            <p className="muted">{t('registryMirrors.review.validationSkipped', { version: engineVersion ?? '?' })}</p>
          ) : null}
          <p className="muted">{plan.apply === 'commands' ? t('registryMirrors.review.stepsManual') : plan.via === 'restart' ? t('registryMirrors.review.stepsRestart') : t('registryMirrors.review.steps')}</p>
          <h4 className="section-label">{plan.apply === 'run' ? t('registryMirrors.review.commands') : t('registryMirrors.review.commandsManual')}</h4>
          <CommandBlock prompt="#" commands={plan.commands.map((command) => ({ command: commandText(command, plan) }))} testId="registry-plan-commands" />
          <p className="faint">{plan.apply === 'commands' ? t('registryMirrors.review.stdinManual') : t('registryMirrors.review.stdin')}</p>
        </>
      ) : null}
      {proxy?.dropIn ? (
        <section data-testid="registry-plan-drop-in">
          <h4 className="section-label">{t('registryMirrors.review.dropIn')}</h4>
          <p className="muted">{t('registryMirrors.review.dropInHelp', { file: '/etc/systemd/system/docker.service.d/http-proxy.conf' })}</p>
          <CommandBlock prompt="#" commands={proxy.dropIn.map((command) => ({ command: commandText(command, plan, true) }))} testId="registry-plan-drop-in-commands" />
        </section>
      ) : null}
    </div>
  );
}
