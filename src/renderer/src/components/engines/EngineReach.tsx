import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnginesStore } from '../../stores/engines-store';
import { StateDot } from '../StateDot';

/** Whether an engine answered the switcher's probe: checking, reachable with its version, or why not. */
export function EngineReach({ name, error }: { name: string; error?: string }): ReactElement {
  const { t } = useTranslation();
  const probe = useEnginesStore((s) => s.probes[name]);
  if (error !== undefined) {
    return (
      <span className="engine-reach is-bad" data-testid={`engine-reach-${name}`} data-state="error">
        {error}
      </span>
    );
  }
  if (probe === undefined) {
    return (
      <span className="engine-reach" data-testid={`engine-reach-${name}`} data-state="probing">
        <span className="spinner spinner--small" aria-hidden="true" /> {t('engines.probing')}
      </span>
    );
  }
  const ok = probe.state === 'connected';
  return (
    <span className={`engine-reach${ok ? '' : ' is-bad'}`} data-testid={`engine-reach-${name}`} data-state={probe.state} title={probe.detail}>
      <StateDot state={probe.state} />
      {ok ? t('engines.reachable', { version: probe.serverVersion ?? '?' }) : `${t(`engines.state.${probe.state}`)}${probe.detail ? ` — ${probe.detail}` : ''}`}
    </span>
  );
}
