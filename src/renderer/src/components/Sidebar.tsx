import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CleanupReminderBadge } from '../pages/cleanup/CleanupReminderBadge';
import { NAV_GROUPS, PAGE_ICONS } from '../app/navigation';
import { hrefFor, useRouteStore } from '../stores/route-store';
import { EngineStatusPanel } from './EngineStatusPanel';
import { Icon } from './Icon';
import { Logo } from './Logo';

export function Sidebar(): ReactElement {
  const { t } = useTranslation();
  const current = useRouteStore((s) => s.page);
  const navigate = useRouteStore((s) => s.navigate);

  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <Logo />
        <div>
          <div className="sidebar__name">{t('app.name')}</div>
          <div className="sidebar__tagline">{t('app.tagline')}</div>
        </div>
      </div>
      <nav className="sidebar__nav" aria-label={t('nav.label')}>
        {NAV_GROUPS.map((group) => (
          <ul key={group.join()} className="sidebar__group">
            {group.map((page) => (
              <li key={page}>
                <a
                  href={hrefFor(page)}
                  className="sidebar__link"
                  data-testid={`nav-${page}`}
                  aria-current={page === current ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(page);
                  }}
                >
                  <Icon name={PAGE_ICONS[page]} />
                  <span>{t(`nav.${page}`)}</span>
                  {page === 'cleanup' ? <CleanupReminderBadge /> : null}
                </a>
              </li>
            ))}
          </ul>
        ))}
      </nav>
      <EngineStatusPanel />
    </aside>
  );
}
