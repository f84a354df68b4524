import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupDiagnosis } from '../../../../shared/setup';
import { Icon } from '../../components/Icon';
import { CheckRow } from './CheckRow';
import { fixPlacement } from './setup-model';

/** The diagnosis as a checklist: every check with its evidence, the fix beside each problem. */
export function Checklist({ diagnosis }: { diagnosis: SetupDiagnosis }): ReactElement {
  const { t } = useTranslation();
  const placement = fixPlacement(diagnosis);
  const problems = diagnosis.checks.filter((c) => c.status === 'problem').length;
  return (
    <section className="card setup-checklist" data-testid="setup-checklist" aria-labelledby="setup-checklist-title">
      <header className="card__header">
        <h2 className="card__title" id="setup-checklist-title">
          <Icon name="tasks" />
          {t('setup.checklist.title')}
        </h2>
        <span className="muted">{t('setup.checklist.subtitle')}</span>
        <span className={`chip ${problems > 0 ? 'chip--danger' : 'chip--success'} setup-checklist__count`}>
          {problems > 0 ? t('setup.checklist.problems', { count: problems }) : t('setup.checklist.allGood')}
        </span>
      </header>
      <ul className="setup-checklist__items">
        {diagnosis.checks.map((check) => (
          <CheckRow
            key={check.id}
            check={check}
            diagnosis={diagnosis}
            fix={placement.get(check.id)}
            sharedFix={check.status !== 'ok' && check.fix && !placement.has(check.id) ? check.fix : undefined}
          />
        ))}
      </ul>
    </section>
  );
}
