import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../shared/errors';
import { errorMessage } from '../i18n/messages';
import { Icon } from './Icon';

/** A failed call: what we tried (translated), why (translated code), the raw detail below, and a retry when given. */
export function ErrorNotice({ title, error, onRetry, children }: { title: string; error: WharfErrorInfo; onRetry?: () => void; children?: ReactNode }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <Icon name="alert" />
      <div className="notice__body">
        <strong>{title}</strong>
        <p>{errorMessage(t, error)}</p>
        {error.message ? <code className="notice__detail">{error.message}</code> : null}
        {onRetry ? (
          <div>
            <button type="button" className="button" onClick={onRetry}>
              {t('common.retry')}
            </button>
          </div>
        ) : null}
        {children}
      </div>
    </div>
  );
}
