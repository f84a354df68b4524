import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export function Spinner({ label }: { label?: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="spinner-row" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
