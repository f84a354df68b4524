import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../../../shared/engine';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { useDashboardStore } from '../../stores/dashboard-store';
import { startDashboardSync } from '../../stores/dashboard-sync';
import { useEngineStore } from '../../stores/engine-store';
import { DiskUsageCard } from './DiskUsageCard';
import { EngineFactsCards } from './EngineFactsCards';
import { EngineProblem } from '../../components/EngineProblem';

type ProblemStatus = EngineStatus & { state: Exclude<EngineStatus['state'], 'connected'> };

function isProblem(status: EngineStatus): status is ProblemStatus {
  return status.state !== 'connected';
}

function ConnectedDashboard(): ReactElement {
  const { t } = useTranslation();
  const { facts, df, factsError, dfError, loading } = useDashboardStore();
  if (loading && facts === null && df === null) return <Spinner />;
  return (
    <>
      {factsError ? <ErrorNotice title={t('dashboard.loadFailed')} error={factsError} /> : null}
      {facts ? <EngineFactsCards facts={facts} /> : null}
      {dfError ? <ErrorNotice title={t('dashboard.loadFailed')} error={dfError} /> : null}
      {df ? <DiskUsageCard df={df} /> : null}
    </>
  );
}

export function DashboardPage(): ReactElement {
  const { t } = useTranslation();
  const status = useEngineStore((s) => s.status);
  const loadError = useEngineStore((s) => s.loadError);
  const loadStatus = useEngineStore((s) => s.load);

  useEffect(() => startDashboardSync(), []);

  let body: ReactElement;
  if (status === null && loadError) {
    body = (
      <ErrorNotice title={t('engine.statusUnknown')} error={loadError}>
        <div>
          <button type="button" className="button" onClick={() => void loadStatus()}>
            {t('common.retry')}
          </button>
        </div>
      </ErrorNotice>
    );
  } else if (status === null) body = <Spinner />;
  else if (isProblem(status)) body = <EngineProblem status={status} />;
  else body = <ConnectedDashboard />;

  return (
    <div className="page dashboard" data-testid="page-dashboard" data-engine-state={status?.state ?? 'unknown'}>
      {body}
    </div>
  );
}
