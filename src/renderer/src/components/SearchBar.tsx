import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../shared/errors';
import { ErrorNotice } from './ErrorNotice';
import { Icon } from './Icon';
import { SearchField } from './table/VirtualTable';
import type { Checked } from '../hooks/use-checked';

/** The two pages built alike; their namespaces have the same keys for what they share. */
export type ListNamespace = 'volumes' | 'networks';

/** The list card's head: search, "N of M", and what can be done with the checked rows. */
export function SearchBar({ ns, query, onQuery, count, total, checked, onRemoveSelected }: { ns: ListNamespace; query: string; onQuery(q: string): void; count: number; total: number; checked: Checked; onRemoveSelected(): void }): ReactElement {
  const { t } = useTranslation();
  const selected = checked.selected.size;
  return (
    <header className="list-card__bar resource-bar">
      <SearchField value={query} onChange={onQuery} placeholder={t(`${ns}.search`)} label={t(`${ns}.searchLabel`)} testId={`${ns}-search`} />
      <span className="muted">
        <strong data-testid={`${ns}-count`}>{count}</strong> {t(`${ns}.countOf`, { total })}
      </span>
      {selected > 0 ? (
        <div className="resource-selection">
          <strong>{t(`${ns}.actions.selected`, { count: selected })}</strong>
          <button type="button" className="button button--small button--secondary button--danger-text" data-testid={`${ns}-remove-selected`} onClick={onRemoveSelected}>
            <Icon name="trash" size={14} />
            {t(`${ns}.actions.remove`)}
          </button>
          <button type="button" className="button button--small button--subtle" onClick={checked.clear}>
            {t(`${ns}.actions.clearSelection`)}
          </button>
        </div>
      ) : null}
    </header>
  );
}

/** The list could not be read: why, and a retry. */
export function ListError({ ns, error, onRetry }: { ns: ListNamespace; error: WharfErrorInfo; onRetry(): void }): ReactElement {
  const { t } = useTranslation();
  return <ErrorNotice title={t(`${ns}.loadFailed`)} error={error} onRetry={onRetry} />;
}
