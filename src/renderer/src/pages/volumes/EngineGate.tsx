import type { ReactElement } from 'react';
import type { EngineStatus } from '../../../../shared/engine';
import { Spinner } from '../../components/Spinner';
import { useEngineStore } from '../../stores/engine-store';
import { EngineProblem } from '../dashboard/EngineProblem';

type ProblemStatus = EngineStatus & { state: Exclude<EngineStatus['state'], 'connected'> };

function isProblem(status: EngineStatus): status is ProblemStatus {
  return status.state !== 'connected';
}

/** The page's content once the engine answers; otherwise what is wrong with it. */
export function EngineGate({ children }: { children: () => ReactElement }): ReactElement {
  const status = useEngineStore((s) => s.status);
  if (status === null) return <Spinner />;
  if (isProblem(status)) return <EngineProblem status={status} />;
  return children();
}
