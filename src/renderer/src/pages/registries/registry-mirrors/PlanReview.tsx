import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryMirrorsPlan, PlannedCommand } from '../../../../../shared/registry-mirrors';
import { shellQuote } from '../../../../../shared/shell-quote';
import { CommandBlock } from '../../../components/CommandBlock';

/** The delimiter of the here-documents that feed a command its input when the user runs the commands by hand. */
export const HEREDOC_END = 'WHARF_EOF';

/**
 * A command as the user copies it; what it reads on stdin (the new file for dd, the expected hash for sha256sum -c)
 * follows as a here-document. Wharf itself passes it on stdin. The here-document ends the input with a newline the
 * file may not have: dd counts the bytes it takes.
 */
function commandText(command: PlannedCommand, plan: RegistryMirrorsPlan): string {
  const line = shellQuote(command.argv);
  if (plan.apply !== 'commands' || command.stdin === undefined) return line;
  return `${line} <<'${HEREDOC_END}'\n${command.stdin}${command.stdin.endsWith('\n') ? '' : '\n'}${HEREDOC_END}`;
}

/** The plan before applying: the line diff of daemon.json, what the check found, conflicts, and the exact commands. */
export function PlanReview({ plan, engineVersion }: { plan: RegistryMirrorsPlan; engineVersion?: string }): ReactElement {
  const { t } = useTranslation();
  const v = plan.engineValidation;
  return (
    <div className="registry-mirrors-plan" data-testid="registry-plan">
      {plan.conflicts.map((c) => (
        <p key={c.key} className="notice notice--error" role="alert" data-testid="registry-plan-conflict">
          {t('registryMirrors.review.conflict', { flag: `${c.flag} ${c.flagValues.join(' ')}`, key: c.key })}
        </p>
      ))}
      {plan.unchanged ? <p className="notice notice--info">{t('registryMirrors.review.unchanged')}</p> : null}
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
          <p className="muted">{plan.apply === 'commands' ? t('registryMirrors.review.stepsManual') : t('registryMirrors.review.steps')}</p>
          <h4 className="section-label">{plan.apply === 'run' ? t('registryMirrors.review.commands') : t('registryMirrors.review.commandsManual')}</h4>
          <CommandBlock prompt="#" commands={plan.commands.map((command) => ({ command: commandText(command, plan) }))} testId="registry-plan-commands" />
          <p className="faint">{plan.apply === 'commands' ? t('registryMirrors.review.stdinManual') : t('registryMirrors.review.stdin')}</p>
        </>
      ) : null}
    </div>
  );
}
