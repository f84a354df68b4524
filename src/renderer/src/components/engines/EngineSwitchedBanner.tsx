import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineStore } from '../../stores/engine-store';
import { EngineDot } from './EngineDot';

/** How long the notice of a switch stays when nothing was closed (one that closed views stays until dismissed). */
const QUIET_NOTICE_MS = 6000;

/** After a switch: which engine the pages now show, and which of the old engine's views were closed. */
export function EngineSwitchedBanner(): ReactElement | null {
  const { t } = useTranslation();
  const last = useEngineStore((s) => s.lastSwitch);
  const dismiss = useEngineStore((s) => s.dismissSwitch);
  useEffect(() => {
    if (!last || last.closedStreams > 0) return undefined;
    const timer = setTimeout(dismiss, QUIET_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [last, dismiss]);
  if (!last) return null;
  return (
    <div className="banner banner--info engine-switched" role="status" data-testid="engine-switched-banner">
      <EngineDot name={last.to} />
      <span className="engine-switched__text">
        {t('engines.switchedNotice', { name: last.to })}
        {last.closedStreams > 0 ? ` ${t('engines.switchedStreams', { count: last.closedStreams, from: last.from })}` : null}
      </span>
      <button type="button" className="button button--ghost button--small" onClick={dismiss}>
        {t('engines.dismiss')}
      </button>
    </div>
  );
}
