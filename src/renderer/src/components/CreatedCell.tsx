import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { durationBucket } from '../../../shared/human-duration';
import { formatDate } from '../i18n/date-format';

/** CREATED like the CLI ("3 weeks ago", translated), the exact local time on hover. */
export function CreatedCell({ created, nowMs }: { created: number; nowMs: number }): ReactElement {
  const { t, i18n } = useTranslation();
  const b = durationBucket(nowMs - created * 1000);
  const text = 'count' in b ? t(`images.ago.${b.unit}`, { count: b.count }) : t(`images.ago.${b.unit}`);
  const exact = formatDate(i18n.language, 'rowExact', created * 1000);
  return (
    <time dateTime={new Date(created * 1000).toISOString()} title={exact}>
      {text}
    </time>
  );
}
