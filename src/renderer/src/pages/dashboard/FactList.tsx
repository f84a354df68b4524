import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** A list-valued fact (mirrors, insecure registries): one entry a line, or "None". */
export function FactList({ name, label, items }: { name: string; label: string; items: readonly string[] }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="fact fact--list">
      <dt>{label}</dt>
      <dd>
        {items.length === 0 ? (
          <span className="muted" data-testid={`fact-${name}`} data-count={0}>
            {t('common.none')}
          </span>
        ) : (
          <ul className="fact__items" data-testid={`fact-${name}`} data-count={items.length}>
            {items.map((item) => (
              <li key={item}>
                <code>{item}</code>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}
