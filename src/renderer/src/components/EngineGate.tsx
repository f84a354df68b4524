import type { ReactElement } from 'react';
import { isEngineProblem } from '../../../shared/engine';
import { Spinner } from './Spinner';
import { useEngineStore } from '../stores/engine-store';
import { EngineProblem } from './EngineProblem';

/** The page's content once the engine answers; before that a spinner; otherwise what is wrong with the engine. */
export function EngineGate({ children }: { children: () => ReactElement }): ReactElement {
  const status = useEngineStore((s) => s.status);
  if (status === null) return <Spinner />;
  if (isEngineProblem(status)) return <EngineProblem status={status} />;
  return children();
}
