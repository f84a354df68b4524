import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { checkLogDefaults, NO_LOG_DEFAULTS, sameLogDefaults, type ContainerLogUsage, type LogDefaults as LogDefaultsValue } from '../../../../../shared/container-logs';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { RegistryMirrorsPlan, RegistryMirrorsState } from '../../../../../shared/registry-mirrors';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { TextField } from '../../../components/TextField';
import { useCall } from '../../../hooks/use-call';
import { ApplyDialog } from '../../registries/registry-mirrors/ApplyDialog';

/**
 * Default log limits for new containers (daemon.json `log-opts` max-size and max-file), applied through the same
 * reviewed daemon.json change as registry mirrors (a restart: dockerd reads them at start). Containers created
 * before keep their old setting until they are recreated: the ones without a limit are named, with Compose's way to
 * recreate a project.
 */
export function LogDefaults({ rows, onApplied }: { rows: readonly ContainerLogUsage[]; onApplied(): void }): ReactElement | null {
  const { t } = useTranslation();
  const { data: state, error: loadError, refresh } = useCall('registryMirrors.read', {});
  const [draft, setDraft] = useState<LogDefaultsValue>(NO_LOG_DEFAULTS);
  const [seeded, setSeeded] = useState<RegistryMirrorsState | undefined>(undefined);
  if (state !== seeded) {
    setSeeded(state);
    if (state) setDraft(state.settings.logDefaults ?? NO_LOG_DEFAULTS);
  }
  const [plan, setPlan] = useState<RegistryMirrorsPlan | null>(null);
  const [planError, setPlanError] = useState<WharfErrorInfo | null>(null);
  const problems = useMemo(() => checkLogDefaults(draft), [draft]);
  const unlimited = rows.filter((r) => r.unlimited);
  const projects = [...new Set(unlimited.flatMap((r) => (r.project ? [r.project] : [])))].sort();

  if (loadError) return <ErrorNotice title={t('containerLogs.defaults.loadFailed')} error={loadError} />;
  if (!state || state.remote) return null;
  const current = state.settings.logDefaults ?? NO_LOG_DEFAULTS;
  const dirty = !sameLogDefaults(draft, current);
  const problemText = (field: keyof LogDefaultsValue): string | undefined => (problems[field] ? t(`containerLogs.defaults.problem.${problems[field]}`) : undefined);
  const settings = { registryMirrors: state.settings.registryMirrors, insecureRegistries: state.settings.insecureRegistries, logDefaults: draft };

  const review = async (): Promise<void> => {
    setPlanError(null);
    const envelope = await call('registryMirrors.plan', settings);
    if (envelope.ok) setPlan(envelope.value);
    else setPlanError(envelope.error);
  };

  return (
    <section className="container-logs__defaults" data-testid="log-defaults">
      <h3>{t('containerLogs.defaults.title')}</h3>
      <p className="muted">{t('containerLogs.defaults.help', { driver: current.driver || 'json-file', path: state.path })}</p>
      <div className="field-grid">
        <TextField id="log-max-size" label={t('containerLogs.defaults.maxSize')} value={draft.maxSize} onChange={(maxSize) => setDraft({ ...draft, maxSize })} placeholder="10m" hint={t('containerLogs.defaults.maxSizeHint')} problem={problemText('maxSize')} testId="log-max-size" />
        <TextField id="log-max-file" label={t('containerLogs.defaults.maxFile')} value={draft.maxFile} onChange={(maxFile) => setDraft({ ...draft, maxFile })} placeholder="3" hint={t('containerLogs.defaults.maxFileHint')} problem={problemText('maxFile')} testId="log-max-file" />
      </div>
      <div className="container-logs__footer">
        <button type="button" className="button button--primary" disabled={!dirty || Object.keys(problems).length > 0} onClick={() => void review()} data-testid="log-defaults-review">
          {t('containerLogs.defaults.review')}
        </button>
      </div>
      {planError ? <ErrorNotice title={t('containerLogs.defaults.planFailed')} error={planError} /> : null}
      {unlimited.length > 0 ? (
        <div className="notice notice--warning" data-testid="log-defaults-recreate">
          <div className="notice__body">
            <p>{t('containerLogs.defaults.recreate', { count: unlimited.length, names: unlimited.slice(0, 8).map((r) => r.name).join(', ') + (unlimited.length > 8 ? ', …' : '') })}</p>
            {projects.length > 0 ? (
              <>
                <p className="muted">{t('containerLogs.defaults.compose')}</p>
                <CommandBlock commands={projects.map((p) => ({ command: `docker compose -p ${p} up -d --force-recreate` }))} testId="log-defaults-compose" />
              </>
            ) : null}
          </div>
        </div>
      ) : null}
      {plan ? (
        <ApplyDialog
          plan={plan}
          settings={settings}
          engineVersion={state.engineVersion}
          onClose={() => setPlan(null)}
          onSettled={() => {
            refresh();
            onApplied();
          }}
        />
      ) : null}
    </section>
  );
}
