import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface TaskDialogFooterProps {
  /** Once the task is started the dialog only follows it: Close (the task keeps running in the task panel). */
  started: boolean;
  onClose(): void;
  /** data-testid prefix: `<prefix>-close`. */
  testIdPrefix: string;
  /** Shown next to Cancel before the start (the start button). */
  children: ReactNode;
  /** Shown next to Close after the start (e.g. "build again"). */
  after?: ReactNode;
}

/** The buttons of a dialog that starts a task: Cancel + start before, Close after. */
export function TaskDialogFooter({ started, onClose, testIdPrefix, children, after }: TaskDialogFooterProps): ReactElement {
  const { t } = useTranslation();
  if (started) {
    return (
      <>
        {after}
        <button type="button" className="button button--primary" onClick={onClose} data-testid={`${testIdPrefix}-close`}>
          {t('common.close')}
        </button>
      </>
    );
  }
  return (
    <>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('common.cancel')}
      </button>
      {children}
    </>
  );
}
