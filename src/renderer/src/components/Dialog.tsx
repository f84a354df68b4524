import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface DialogProps {
  title: string;
  /** Shown under the title, muted. */
  subtitle?: ReactNode;
  children: ReactNode;
  /** The buttons row at the bottom (right-aligned). */
  footer?: ReactNode;
  onClose(): void;
  /** Wider dialogs for tables and logs. */
  size?: 'normal' | 'wide';
  testId?: string;
  /** While true, Escape and the close button do nothing (e.g. while a request is in flight). */
  busy?: boolean;
}

/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the browser, Escape
 * closes it, and the page behind is inert. Every Wharf dialog uses it, so they look and behave alike.
 */
export function Dialog({ title, subtitle, children, footer, onClose, size = 'normal', testId, busy = false }: DialogProps): ReactElement {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  const busyRef = useRef(busy);
  useEffect(() => {
    closeRef.current = onClose;
    busyRef.current = busy;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event): void => {
      event.preventDefault();
      if (!busyRef.current) closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog dialog--${size}`} aria-labelledby="dialog-title" data-testid={testId}>
      <header className="dialog__head">
        <div>
          <h2 id="dialog-title" className="dialog__title">
            {title}
          </h2>
          {subtitle ? <div className="dialog__subtitle muted">{subtitle}</div> : null}
        </div>
        <button type="button" className="icon-button" onClick={() => onClose()} disabled={busy} aria-label={t('common.dialogClose')} data-testid="dialog-close">
          <Icon name="close" size={18} />
        </button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer ? <footer className="dialog__foot">{footer}</footer> : null}
    </dialog>
  );
}
