import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../stores/route-store';
import { EngineSwitcher } from './engines/EngineSwitcher';
import { TaskButton } from './TaskButton';

export function TopBar(): ReactElement {
  const { t } = useTranslation();
  const page = useRouteStore((s) => s.page);
  return (
    <header className="topbar">
      <div className="topbar__titles">
        <h1 className="topbar__title">{t(`nav.${page}`)}</h1>
        <p className="topbar__subtitle">{t(`pages.${page}.subtitle`)}</p>
      </div>
      <div className="topbar__actions">
        <EngineSwitcher />
        <TaskButton />
      </div>
    </header>
  );
}
