import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useEventStreamStore } from '../stores/event-stream-store';

/** Web mode only in practice: says so when the Wharf server stopped answering and we are reconnecting. */
export function EventStreamBanner(): ReactElement | null {
  const { t } = useTranslation();
  const state = useEventStreamStore((s) => s.state);
  if (state !== 'closed') return null;
  return (
    <div className="banner banner--warning" role="status" data-testid="event-stream-banner">
      <span className="spinner spinner--small" aria-hidden="true" />
      {t('transport.lost')}
    </div>
  );
}
