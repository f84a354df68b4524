import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface CopyButtonProps {
  label: string;
  /** Built when clicked, so a large export costs nothing until asked for. */
  text: () => string;
  title?: string;
  testId?: string;
  disabled?: boolean;
}

/** A labelled button that copies text and says "Copied" for a moment. */
export function CopyButton({ label, text, title, testId, disabled }: CopyButtonProps): ReactElement {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = (): void => {
    navigator.clipboard.writeText(text()).then(
      () => setCopied(true),
      () => undefined,
    );
  };

  return (
    <button type="button" className="button button--small button--subtle" onClick={copy} title={title} data-testid={testId} disabled={disabled} data-copied={copied}>
      <Icon name={copied ? 'check' : 'copy'} size={14} />
      {copied ? t('common.copied') : label}
    </button>
  );
}
