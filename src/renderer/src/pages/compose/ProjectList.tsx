import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectRow } from './project-rows';

/** Every project: from the containers' labels (started here or in a terminal) and the folders opened in Wharf. */
export function ProjectList({ rows, selected, onSelect }: { rows: ProjectRow[]; selected: string | null; onSelect(name: string): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <nav className="card compose-projects" aria-label={t('compose.list.title')} data-testid="compose-projects">
      <h3 className="compose-projects__title">{t('compose.list.title')}</h3>
      {rows.length === 0 ? <p className="muted compose-projects__empty">{t('compose.list.empty')}</p> : null}
      <ul>
        {rows.map((row) => {
          const p = row.project;
          const tone = p && p.running === p.total ? 'success' : p && p.running > 0 ? 'warning' : 'muted';
          return (
            <li key={row.name}>
              <button
                type="button"
                className={`compose-projects__item${row.name === selected ? ' compose-projects__item--selected' : ''}`}
                onClick={() => onSelect(row.name)}
                aria-current={row.name === selected}
                data-testid="compose-project"
                data-project={row.name}
              >
                <span className="compose-projects__name mono" translate="no">
                  {row.name}
                </span>
                <span className={`chip chip--${tone}`}>{p ? t('compose.list.running', { running: p.running, total: p.total }) : t('compose.list.notStarted')}</span>
                {row.opened ? <span className="chip chip--muted">{t('compose.list.opened')}</span> : null}
                {p && !p.filesHere && !row.opened ? <span className="chip chip--warning">{t('compose.list.noFiles')}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
