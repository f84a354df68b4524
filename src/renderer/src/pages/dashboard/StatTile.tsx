import type { ReactElement } from 'react';
import { hrefFor, useRouteStore, type PageId, type RouteQuery } from '../../stores/route-store';

/** A big number with its label (containers running, images…); a link to the page listing what it counts. */
export function StatTile({ name, label, value, tone, to, title }: { name: string; label: string; value: number; tone: 'success' | 'warning' | 'muted' | 'accent'; to: { page: PageId; query?: RouteQuery }; title?: string }): ReactElement {
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <a
      className={`dashboard-stat dashboard-stat--${tone}`}
      href={hrefFor(to.page, to.query)}
      data-testid={`tile-${name}`}
      title={title}
      onClick={(event) => {
        event.preventDefault();
        navigate(to.page, { query: to.query });
      }}
    >
      <span className="dashboard-stat__value" data-testid={`fact-${name}`}>
        {value}
      </span>
      <span className="dashboard-stat__label">{label}</span>
    </a>
  );
}
