import type { ReactElement, ReactNode } from 'react';
import { Icon } from '../../components/Icon';

/** The list card's head: search, "N of M", and what can be done with the checked rows. */
export function SearchBar({ query, onQuery, placeholder, label, count, total, testId, selection }: { query: string; onQuery(q: string): void; placeholder: string; label: string; count: number; total: string; testId: string; selection: ReactNode }): ReactElement {
  return (
    <header className="vn-bar">
      <label className="vn-search">
        <Icon name="search" size={16} />
        <input type="search" className="input" data-testid={`${testId}-search`} value={query} onChange={(e) => onQuery(e.target.value)} placeholder={placeholder} aria-label={label} spellCheck={false} />
      </label>
      <span className="muted">
        <strong data-testid={`${testId}-count`}>{count}</strong> {total}
      </span>
      {selection ? <div className="vn-selection">{selection}</div> : null}
    </header>
  );
}
