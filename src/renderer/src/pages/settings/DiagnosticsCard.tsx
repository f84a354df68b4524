import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { call } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCall } from '../../hooks/use-call';
import { Icon } from '../../components/Icon';
import { useAppInfoStore } from '../../stores/app-info-store';

/** Settings → Diagnostics: where wharf.log is, and the text to paste into a report (versions, engine, last lines). */
export function DiagnosticsCard(): ReactElement {
  const { t } = useTranslation();
  const mode = useAppInfoStore((s) => s.info?.mode);
  const { data: diagnostics, error, refresh } = useCall('app.diagnostics', {});
  const [openError, setOpenError] = useState<WharfErrorInfo | null>(null);

  const openFolder = async (): Promise<void> => {
    const answer = await call('app.openLogFolder', {});
    setOpenError(answer.ok ? null : answer.error);
  };

  return (
    <section className="card settings-diagnostics" data-testid="diagnostics">
      <h2 className="card__title">
        <Icon name="info" />
        {t('settings.diagnostics.title')}
      </h2>
      <p className="muted">{t('settings.diagnostics.intro')}</p>
      {error ? <ErrorNotice title={t('settings.diagnostics.failed')} error={error} onRetry={refresh} /> : null}
      <dl className="facts">
        <div className="fact">
          <dt>{t('settings.diagnostics.logFile')}</dt>
          <dd>
            <code data-testid="diagnostics-log-path">{diagnostics ? (diagnostics.logPath ?? t('settings.diagnostics.stderrOnly')) : t('common.notAvailable')}</code>
          </dd>
        </div>
      </dl>
      <div className="settings-diagnostics__actions">
        <CopyButton
          label={t('settings.diagnostics.copy', { count: diagnostics?.logLines ?? 0 })}
          text={() => diagnostics?.text ?? ''}
          disabled={!diagnostics}
          testId="diagnostics-copy"
        />
        <button type="button" className="button button--small button--subtle" onClick={refresh} data-testid="diagnostics-refresh">
          <Icon name="retry" size={14} />
          {t('settings.diagnostics.refresh')}
        </button>
        {mode === 'desktop' ? (
          <button type="button" className="button button--small button--subtle" onClick={() => void openFolder()} data-testid="diagnostics-open-folder">
            <Icon name="external" size={14} />
            {t('settings.diagnostics.openFolder')}
          </button>
        ) : null}
      </div>
      {openError ? <ErrorNotice title={t('settings.diagnostics.openFailed')} error={openError} /> : null}
      <details className="settings-diagnostics__preview">
        <summary>{t('settings.diagnostics.preview')}</summary>
        <pre data-testid="diagnostics-text">{diagnostics?.text ?? ''}</pre>
      </details>
    </section>
  );
}
