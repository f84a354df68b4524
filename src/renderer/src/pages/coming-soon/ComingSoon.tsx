import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_ICONS } from '../../app/navigation';
import { CommandBlock } from '../../components/CommandBlock';
import { Icon } from '../../components/Icon';
import { CLI_EQUIVALENTS, type PlannedPage } from './cli-equivalents';

/** An honest placeholder: what the page will do and how to do the same job in a terminal today. No fake data. */
export function ComingSoon({ page }: { page: PlannedPage }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="page coming-soon" data-testid={`page-${page}`}>
      <section className="card coming-soon__card">
        <div className="coming-soon__icon">
          <Icon name={PAGE_ICONS[page]} size={32} />
        </div>
        <span className="chip chip--accent">{t('comingSoon.badge')}</span>
        <h2>{t(`nav.${page}`)}</h2>
        <h3 className="section-label">{t('comingSoon.planned')}</h3>
        <p className="coming-soon__description">{t(`comingSoon.${page}`)}</p>
        <h3 className="section-label">
          <Icon name="terminal" size={14} />
          {t('comingSoon.today')}
        </h3>
        <CommandBlock commands={CLI_EQUIVALENTS[page]} />
      </section>
    </div>
  );
}
