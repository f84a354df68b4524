import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export function PageCrashed({ error }: { error: Error }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <Icon name="alert" />
      <div className="notice__body">
        <strong>{t('boundary.title')}</strong>
        <code className="notice__detail">{error.message}</code>
        <div>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('boundary.reload')}
          </button>
        </div>
      </div>
    </div>
  );
}
