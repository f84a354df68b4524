import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { useSetupStore } from '../../stores/setup-store';
import { startSetupSync } from '../../stores/setup-sync';
import { Checklist } from './Checklist';
import { InstallGuide } from './InstallGuide';
import { MachineCard } from './MachineCard';
import { ReloginPanel } from './ReloginPanel';
import { VerdictHeader } from './VerdictHeader';
import { VerifiedPanel } from './VerifiedPanel';

/**
 * The setup wizard: the diagnosis first (verdict, steps, checklist with a fix beside each problem), then what the
 * verdict calls for — install guidance, a new session after the group fix — and, once usable, the verification.
 */
export function SetupPage(): ReactElement {
  const { t } = useTranslation();
  const diagnosis = useSetupStore((s) => s.diagnosis);
  const diagnoseError = useSetupStore((s) => s.diagnoseError);
  const diagnosing = useSetupStore((s) => s.diagnosing);
  const diagnose = useSetupStore((s) => s.diagnose);

  useEffect(() => startSetupSync(), []);

  if (diagnosis === null) {
    return (
      <div className="page setup" data-testid="page-setup">
        {diagnoseError ? (
          <ErrorNotice title={t('setup.diagnoseFailed')} error={diagnoseError}>
            <div>
              <button type="button" className="button" onClick={() => void diagnose()} disabled={diagnosing} data-testid="setup-recheck">
                {diagnosing ? t('setup.checking') : t('setup.recheck')}
              </button>
            </div>
          </ErrorNotice>
        ) : (
          <Spinner label={t('setup.diagnosing')} />
        )}
      </div>
    );
  }

  const { verdict } = diagnosis;
  return (
    <div className="page setup" data-testid="page-setup" data-verdict={verdict}>
      {diagnoseError ? <ErrorNotice title={t('setup.diagnoseFailed')} error={diagnoseError} /> : null}
      <VerdictHeader diagnosis={diagnosis} />
      <div className="setup__layout">
        <div className="setup__main">
          {verdict === 'usable' ? <VerifiedPanel /> : null}
          {verdict === 'needs-relogin' ? <ReloginPanel diagnosis={diagnosis} /> : null}
          {verdict === 'not-installed' ? <InstallGuide diagnosis={diagnosis} /> : null}
          <Checklist diagnosis={diagnosis} />
        </div>
        <aside className="setup__aside">
          <MachineCard diagnosis={diagnosis} />
        </aside>
      </div>
    </div>
  );
}
