import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface ShellCommand {
  command: string;
  /** Shown above the command, verbatim (e.g. a distribution name). */
  note?: string;
}

export interface CommandBlockProps {
  commands: readonly ShellCommand[];
  /** `#` marks commands that run as root (the shell convention); `$` is an ordinary user's. */
  prompt?: '$' | '#';
  testId?: string;
}

/** Shell commands the user can copy; they are commands, so they are never translated. */
export function CommandBlock({ commands, prompt = '$', testId }: CommandBlockProps): ReactElement {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = (command: string): void => {
    navigator.clipboard.writeText(command).then(
      () => setCopied(command),
      () => undefined,
    );
  };

  return (
    <ul className="commands" data-testid={testId}>
      {commands.map(({ command, note }) => (
        <li key={command} className="commands__item">
          {note ? <span className="commands__note">{note}</span> : null}
          <div className="commands__line">
            <code>
              <span className="commands__prompt" aria-hidden="true">
                {prompt}
              </span>
              {command}
            </code>
            <button
              type="button"
              className="icon-button"
              onClick={() => copy(command)}
              aria-label={t('common.copyCommand')}
              title={copied === command ? t('common.copied') : t('common.copy')}
            >
              <Icon name={copied === command ? 'check' : 'copy'} size={16} />
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
