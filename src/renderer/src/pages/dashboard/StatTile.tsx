import type { ReactElement } from 'react';

/** A big number with its label (containers running, images…). */
export function StatTile({ name, label, value, tone }: { name: string; label: string; value: number; tone: 'success' | 'warning' | 'muted' | 'accent' }): ReactElement {
  return (
    <div className={`dashboard-stat dashboard-stat--${tone}`}>
      <span className="dashboard-stat__value" data-testid={`fact-${name}`}>
        {value}
      </span>
      <span className="dashboard-stat__label">{label}</span>
    </div>
  );
}
