import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StopCountdown } from '../../../../shared/tasks';
import { secondsToKill } from './stop-countdown';

/** A stop under way: the countdown to SIGKILL, ticking each second; the signal sent first on hover. */
export function Stopping({ stop, compact = false }: { stop: StopCountdown; compact?: boolean }): ReactElement {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = secondsToKill(stop, now);
  return (
    <span className="chip chip--warning containers-stopping" title={t('containers.stopping.title', { signal: stop.signal, seconds: stop.seconds })} data-testid="container-stopping" data-left={left}>
      {left > 0 ? (compact ? t('containers.stopping.short', { seconds: left }) : t('containers.stopping.countdown', { seconds: left })) : t('containers.stopping.killing')}
    </span>
  );
}
