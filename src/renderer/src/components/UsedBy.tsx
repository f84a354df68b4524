import type { ReactElement } from 'react';
import type { UsingContainer } from '../../../shared/volume-list';

const SHOWN = 3;

/** The containers using a volume or attached to a network: running ones highlighted. */
export function UsedBy({ containers, empty }: { containers: readonly UsingContainer[]; empty: string }): ReactElement {
  if (containers.length === 0) return <span className="faint">{empty}</span>;
  return (
    <span className="resource-used" title={containers.map((c) => `${c.name} (${c.state})`).join('\n')}>
      {containers.slice(0, SHOWN).map((c) => (
        <span key={c.id} className={`chip ${c.state === 'running' ? 'chip--success' : 'chip--muted'}`}>
          {c.name}
        </span>
      ))}
      {containers.length > SHOWN ? <span className="faint">+{containers.length - SHOWN}</span> : null}
    </span>
  );
}
