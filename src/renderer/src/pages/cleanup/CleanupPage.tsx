import { useCallback, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CLEANUP_WIZARDS, type CleanupWizard } from '../../../../shared/cleanup';
import { isEngineProblem } from '../../../../shared/engine';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDialogRoute, type DialogCodec } from '../../hooks/use-dialog-route';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useCall } from '../../hooks/use-call';
import { useEngineStore } from '../../stores/engine-store';
import { EngineProblem } from '../../components/EngineProblem';
import { useCleanupSettings } from './cleanup-settings';
import { DfChart } from './DfChart';
import { DfTables } from './DfTables';
import { HistoryList } from './HistoryList';
import { ReminderCard } from './ReminderCard';
import { ContainerLogsCard } from './container-logs/ContainerLogsCard';
import { WizardDialog } from './WizardDialog';
import '../../styles/cleanup.css';
import { formatDate } from '../../i18n/date-format';

/** `docker system df -v`, measured when the page opens and when asked (the refresh button; a cleanup remounts it). */
function DiskUsageCard(): ReactElement {
  const { t, i18n } = useTranslation();
  const { data: detail, error, loading, refresh } = useCall('cleanup.diskUsage', {});
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
          <footer className="card__footer faint">{t('cleanup.measuredAt', { time: formatDate(i18n.language, 'time', detail.measuredAt) })}</footer>
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

const WIZARD_CODEC: DialogCodec<CleanupWizard> = {
  keys: [],
  encode: (w) => ({ dialog: w }),
  decode: (q) => ((CLEANUP_WIZARDS as readonly (string | undefined)[]).includes(q.dialog) ? (q.dialog as CleanupWizard) : null),
};

/** The Cleanup page: the df -v picture, the wizards, the reminder setting and this session's reports. */
export function CleanupPage(): ReactElement {
  const status = useEngineStore((s) => s.status);
  const [transientWizard, setTransientWizard] = useState<CleanupWizard | null>(null);
  // A wizard only previews until its Delete is confirmed, so its first step has a URL (#/cleanup?dialog=images).
  const [wizard, setWizard] = useDialogRoute(WIZARD_CODEC, transientWizard, setTransientWizard);
  const [generation, setGeneration] = useState(0);
  const { data: history, refresh: refreshHistory } = useCall('cleanup.history', {});
  const pending = useCleanupSettings((s) => s.pendingWizard);

  // The reminder badge asks for a wizard; it stays open until closed.
  const shown = wizard ?? pending;
  const closeWizard = useCallback(() => {
    setWizard(null);
    useCleanupSettings.getState().requestWizard(null);
  }, [setWizard]);
  const onDone = useCallback(() => {
    setGeneration((g) => g + 1);
    refreshHistory();
  }, [refreshHistory]);

  if (status && isEngineProblem(status))
    return (
      <div className="page" data-testid="page-cleanup">
        <EngineProblem status={status} />
      </div>
    );
  return (
    <div className="page cleanup-page" data-testid="page-cleanup">
      <DiskUsageCard key={generation} />
      <ContainerLogsCard onDone={onDone} />
      <div className="cleanup-columns">
        <WizardCards onOpen={setWizard} />
        <ReminderCard />
      </div>
      <HistoryList reports={history ?? []} />
      {shown ? <WizardDialog wizard={shown} onClose={closeWizard} onDone={onDone} /> : null}
    </div>
  );
}
