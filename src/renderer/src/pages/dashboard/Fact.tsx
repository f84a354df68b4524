import type { ReactElement, ReactNode } from 'react';

/**
 * One labelled engine fact; the value element carries data-testid fact-<name> and nothing but the value, the
 * engine's own words as `docker info` prints them (translate="no").
 */
export function Fact({ name, label, children, extra }: { name: string; label: string; children: ReactNode; extra?: ReactNode }): ReactElement {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>
        <span className="fact__value" data-testid={`fact-${name}`} translate="no">
          {children}
        </span>
        {extra ? <span className="fact__extra">{extra}</span> : null}
      </dd>
    </div>
  );
}
