import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineStore } from '../stores/engine-store';
import { Icon } from './Icon';

/** "Retry now": asks main to reconnect at once instead of waiting for its backoff. */
export function RetryButton({ variant = 'primary' }: { variant?: 'primary' | 'subtle' }): ReactElement {
  const { t } = useTranslation();
  const retrying = useEngineStore((s) => s.retrying);
  const reconnect = useEngineStore((s) => s.reconnect);
  return (
    <button
      type="button"
      className={`button button--${variant}`}
      onClick={() => void reconnect()}
      disabled={retrying}
      data-testid="engine-retry"
    >
      <Icon name="retry" size={16} />
      {retrying ? t('engine.retrying') : t('engine.retry')}
    </button>
  );
}
