import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Cancel and the dialog's one action (a danger one for removals). */
export function ConfirmButtons({ busy, disabled, label, onClose, onConfirm, testId, danger = false }: { busy: boolean; disabled: boolean; label: string; onClose(): void; onConfirm(): void; testId: string; danger?: boolean }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button button--subtle" onClick={onClose} disabled={busy}>
        {t('volumes.cancel')}
      </button>
      <button type="button" className={`button button--primary${danger ? ' button--danger' : ''}`} disabled={disabled || busy} onClick={onConfirm} data-testid={testId}>
        {label}
      </button>
    </>
  );
}

/** The removal dialogs' buttons: cancel and the danger confirm, or Close once the result is shown. */
export function RemovalFooter({ done, busy, count, confirm, onClose, onConfirm, testId }: { done: boolean; busy: boolean; count: number; confirm: string; onClose(): void; onConfirm(): void; testId: string }): ReactElement {
  const { t } = useTranslation();
  if (done)
    return (
      <button type="button" className="button button--primary" onClick={onClose} data-testid={`${testId}-close`}>
        {t('volumes.close')}
      </button>
    );
  return <ConfirmButtons busy={busy} disabled={count === 0} label={confirm} onClose={onClose} onConfirm={onConfirm} testId={`${testId}-confirm`} danger />;
}
