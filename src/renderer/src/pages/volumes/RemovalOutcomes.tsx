import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemovalOutcome, RemovalReport } from '../../../../shared/volume-list';

function outcomeText(t: TFunction, o: RemovalOutcome): string {
  if (o.state === 'removed') return t('volumes.outcome.removed');
  if (o.reason === 'in-use') return o.containers?.length ? t('volumes.outcome.in-use', { names: o.containers.join(', ') }) : t('volumes.outcome.in-use-unknown');
  if (o.reason === 'builtin') return t('volumes.outcome.builtin');
  if (o.reason === 'not-found') return t('volumes.outcome.not-found');
  return t('volumes.outcome.engine');
}

/** What a removal (rm or prune) did to each volume or network, as the engine answered. */
export function RemovalOutcomes({ report, label }: { report: RemovalReport; label?: (target: string) => string }): ReactElement {
  const { t } = useTranslation();
  const removed = report.outcomes.filter((o) => o.state === 'removed').length;
  return (
    <div className="resource-outcomes" data-testid="removal-outcomes">
      <strong>{t('volumes.outcome.summary', { removed, kept: report.outcomes.length - removed })}</strong>
      <ul className="resource-list">
        {report.outcomes.map((o) => (
          <li key={o.target} data-state={o.state} data-testid="removal-outcome">
            <code className="mono">{label ? label(o.target) : o.target}</code>
            <span className={`chip ${o.state === 'removed' ? 'chip--success' : o.state === 'refused' ? 'chip--warning' : 'chip--danger'}`}>{outcomeText(t, o)}</span>
            {o.state === 'failed' && o.message ? <span className="faint">{o.message}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
