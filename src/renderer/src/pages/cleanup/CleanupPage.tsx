import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CLEANUP_WIZARDS, type CleanupReport, type CleanupWizard } from '../../../../shared/cleanup';
import { isEngineProblem } from '../../../../shared/engine';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useEngineStore } from '../../stores/engine-store';
import { EngineProblem } from '../../components/EngineProblem';
import { useCleanupSettings } from './cleanup-settings';
import { DfChart } from './DfChart';
import { DfTables } from './DfTables';
import { HistoryList } from './HistoryList';
import { ReminderCard } from './ReminderCard';
import { useDiskUsage } from './use-disk-usage';
import { WizardDialog } from './WizardDialog';
import '../../styles/cleanup.css';

function DiskUsageCard(): ReactElement {
  const { t, i18n } = useTranslation();
  const { detail, error, loading, refresh } = useDiskUsage();
  return (
    <section className="card" data-testid="cleanup-df">
      <header className="card__header">
        <h2 className="card__title">
          <Icon name="disk" />
          {t('cleanup.df.title')}
        </h2>
        <button type="button" className="button button--subtle button--small cleanup-refresh" onClick={refresh} disabled={loading} data-testid="cleanup-refresh">
          <Icon name="retry" size={14} />
          {t('cleanup.refresh')}
        </button>
      </header>
      {error ? <ErrorNotice title={t('cleanup.loadFailed')} error={error} /> : null}
      {detail ? (
        <>
          <DfChart rows={detail.rows} />
          <DfTables detail={detail} />
          <footer className="card__footer faint">{t('cleanup.measuredAt', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(detail.measuredAt) })}</footer>
        </>
      ) : loading ? (
        <Spinner />
      ) : null}
    </section>
  );
}

function WizardCards({ onOpen }: { onOpen(w: CleanupWizard): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="card">
      <header className="card__header">
        <h2 className="card__title">
          <Icon name="cleanup" />
          {t('cleanup.wizards.title')}
        </h2>
      </header>
      <div className="tabs cleanup-wizards">
        {CLEANUP_WIZARDS.map((w) => (
          <button key={w} type="button" className="tabs__tab" onClick={() => onOpen(w)} data-testid={`cleanup-open-${w}`}>
            <span className="tabs__name">{t(`cleanup.wizards.${w}.name`)}</span>
            <span className="tabs__hint">{t(`cleanup.wizards.${w}.hint`)}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

/** The Cleanup page: the df -v picture, the wizards, the reminder setting and this session's reports. */
export function CleanupPage(): ReactElement {
  const status = useEngineStore((s) => s.status);
  const [wizard, setWizard] = useState<CleanupWizard | null>(null);
  const [generation, setGeneration] = useState(0);
  const [history, setHistory] = useState<CleanupReport[]>([]);
  const pending = useCleanupSettings((s) => s.pendingWizard);

  // The reminder badge asks for a wizard; it stays open until closed.
  const shown = wizard ?? pending;
  const closeWizard = useCallback(() => {
    setWizard(null);
    useCleanupSettings.getState().requestWizard(null);
  }, []);
  useEffect(() => {
    let live = true;
    void call('cleanup.history', {}).then((answer) => {
      if (live && answer.ok) setHistory(answer.value);
    });
    return () => {
      live = false;
    };
  }, [generation]);
  const onDone = useCallback(() => setGeneration((g) => g + 1), []);

  if (status && isEngineProblem(status))
    return (
      <div className="page" data-testid="page-cleanup">
        <EngineProblem status={status} />
      </div>
    );
  return (
    <div className="page cleanup-page" data-testid="page-cleanup">
      <DiskUsageCard key={generation} />
      <div className="cleanup-columns">
        <WizardCards onOpen={setWizard} />
        <ReminderCard />
      </div>
      <HistoryList reports={history} />
      {shown ? <WizardDialog wizard={shown} onClose={closeWizard} onDone={onDone} /> : null}
    </div>
  );
}
