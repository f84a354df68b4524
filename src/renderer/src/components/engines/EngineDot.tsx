import type { ReactElement } from 'react';
import { engineColour } from '../../../../shared/engines';

/** The engine's colour dot: the same colour for the same name on every page and every run. */
export function EngineDot({ name }: { name: string }): ReactElement {
  return <span className={`engine-dot engine-colour-${engineColour(name)}`} aria-hidden="true" />;
}
