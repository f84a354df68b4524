import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../shared/errors';
import { errorMessage } from '../i18n/messages';
import { Icon } from './Icon';

/** A failed call: what we tried (translated), why (translated code), and the raw detail below. */
export function ErrorNotice({ title, error, children }: { title: string; error: WharfErrorInfo; children?: ReactNode }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <Icon name="alert" />
      <div className="notice__body">
        <strong>{title}</strong>
        <p>{errorMessage(t, error)}</p>
        {error.message ? <code className="notice__detail">{error.message}</code> : null}
        {children}
      </div>
    </div>
  );
}
