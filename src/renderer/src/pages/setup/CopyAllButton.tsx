import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

/** Copies several commands at once, one a line, ready to paste into a terminal. */
export function CopyAllButton({ lines, testId }: { lines: readonly string[]; testId?: string }): ReactElement {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <button
      type="button"
      className="button button--subtle button--small"
      data-testid={testId}
      onClick={() => {
        navigator.clipboard.writeText(`${lines.join('\n')}\n`).then(
          () => setCopied(true),
          () => undefined,
        );
      }}
    >
      <Icon name={copied ? 'check' : 'copy'} size={14} />
      {copied ? t('common.copied') : t('setup.copyAll')}
    </button>
  );
}
