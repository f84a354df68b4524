import type { ReactElement } from 'react';
import type { EngineState } from '../../../shared/engine';

/** A colored dot for an engine state; the state's name is always shown as text next to it. */
export function StateDot({ state }: { state: EngineState }): ReactElement {
  return <span className={`state-dot state-dot--${state}`} aria-hidden="true" />;
}
