import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { MirrorPresets } from '../../../../../shared/mirror-presets';
import { checkProxies, NO_PROXY_SETTINGS, PROXY_FIELDS, sameProxies, type ProxySettings } from '../../../../../shared/engine-proxy';
import { checkEntries, checkInsecureEntry, checkMirrorEntry, type RegistryMirrorsPlan, type RegistryMirrorsState } from '../../../../../shared/registry-mirrors';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { useCall } from '../../../hooks/use-call';
import { AddMirror } from './AddMirror';
import { PresetSource } from './PresetSource';
import { ApplyDialog } from './ApplyDialog';
import { EngineProxy } from './EngineProxy';
import { EntryList } from './EntryList';
import { FileFacts } from './FileFacts';
import { RemoteMirrors } from './RemoteMirrors';
import { InsecureRegistries } from './InsecureRegistries';
import '../../../styles/registry-mirrors.css';

export interface MirrorsSectionProps {
  /** A new ranking from the speed test: reorder the draft to it. */
  order?: readonly string[];
  /** Runs the speed test (another section) for these mirror URLs, in this order. */
  onTestSpeed(urls: string[]): void;
  /** The mirror presets in use (undefined while they load). */
  presets: MirrorPresets | undefined;
  onPresetsChanged(next: MirrorPresets): void;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The proxy a draft starts from: the file's (credentials masked) on engines that read it there; before 23 the one in
 * effect, which comes from the service's environment.
 */
function proxiesOf(state: RegistryMirrorsState): ProxySettings {
  return (state.proxiesKey === false ? state.inEffect?.proxies : state.settings.proxies) ?? NO_PROXY_SETTINGS;
}

/**
 * registry-mirrors and insecure-registries of the engine's daemon.json: what the file says and what is in effect, a
 * draft to edit (presets, order, removal, checks per entry), and a reviewed, verified apply with rollback.
 */
export function MirrorsSection({ onTestSpeed, order, presets, onPresetsChanged }: MirrorsSectionProps): ReactElement {
  const { t } = useTranslation();
  // Read again after an apply.
  const { data: state, error: loadError, refresh: reread } = useCall('registryMirrors.read', {});
  const [mirrors, setMirrors] = useState<string[]>([]);
  const [insecure, setInsecure] = useState<string[]>([]);
  const [proxies, setProxiesDraft] = useState<ProxySettings>(NO_PROXY_SETTINGS);
  // The core's own verdict on the proxy at the last review (a password it will not show in commands), until edited.
  const [plannedProxy, setPlannedProxy] = useState<RegistryMirrorsPlan['proxy']>(undefined);
  const setProxies = (next: ProxySettings): void => {
    setProxiesDraft(next);
    setPlannedProxy(undefined);
  };
  // Each read of the file that worked resets the draft to what the file says.
  const [seeded, setSeeded] = useState<RegistryMirrorsState | undefined>(undefined);
  if (state !== seeded) {
    setSeeded(state);
    if (state) {
      setMirrors(state.settings.registryMirrors);
      setInsecure(state.settings.insecureRegistries);
      setProxies(proxiesOf(state));
    }
  }
  const [plan, setPlan] = useState<RegistryMirrorsPlan | null>(null);
  // "Use this order" from the speed test: the ranked mirrors first, the others after, in the draft (not yet applied).
  const [appliedOrder, setAppliedOrder] = useState<readonly string[] | undefined>(undefined);
  if (order !== appliedOrder) {
    setAppliedOrder(order);
    if (order) setMirrors((current) => [...order.filter((u) => current.includes(u)), ...current.filter((u) => !order.includes(u))]);
  }
  const [planError, setPlanError] = useState<WharfErrorInfo | null>(null);
  const [planning, setPlanning] = useState(false);

  const mirrorChecks = useMemo(() => checkEntries(mirrors, checkMirrorEntry), [mirrors]);
  const insecureChecks = useMemo(() => checkEntries(insecure, checkInsecureEntry), [insecure]);
  const proxyChecks = useMemo(() => checkProxies(proxies), [proxies]);

  if (loadError) return <ErrorNotice title={t('registryMirrors.loadFailed')} error={loadError} />;
  if (!state) return <Spinner />;
  if (state.remote) return <RemoteMirrors state={{ ...state, remote: state.remote }} />;

  const broken = state.parseError !== undefined;
  // The proxy goes into the plan only when it was edited: an untouched one is left as it is.
  const proxyDirty = !sameProxies(proxies, proxiesOf(state));
  const dirty = !same(mirrors, state.settings.registryMirrors) || !same(insecure, state.settings.insecureRegistries) || proxyDirty;
  const entriesValid = [...mirrorChecks, ...insecureChecks, ...PROXY_FIELDS.map((f) => proxyChecks[f])].every((c) => c.problem === undefined);
  const settings = { registryMirrors: mirrors, insecureRegistries: insecure, ...(proxyDirty ? { proxies } : {}) };
  const validMirrors = mirrorChecks.flatMap((c) => (c.value ? [c.value] : []));

  const review = async (): Promise<void> => {
    setPlanning(true);
    setPlanError(null);
    const envelope = await call('registryMirrors.plan', settings);
    setPlanning(false);
    if (envelope.ok) {
      setPlan(envelope.value);
      setPlannedProxy(envelope.value.proxy);
    } else setPlanError(envelope.error);
  };

  return (
    <section className="registry-mirrors card" data-testid="registry-mirrors-section">
      <header className="registry-mirrors__head">
        <h2>{t('registryMirrors.title')}</h2>
        <p className="muted">{t(state.apply === 'run' ? 'registryMirrors.intro' : 'registryMirrors.introManual')}</p>
      </header>
      <FileFacts state={state} />
      {broken && state.parseError ? (
        <div className="notice notice--error" role="alert" data-testid="registry-parse-error">
          <Icon name="alert" />
          <div className="notice__body">
            <strong>{t('registryMirrors.parse.title')}</strong>
            <p className="mono">{t('registryMirrors.parse.where', { line: state.parseError.line, column: state.parseError.column, message: state.parseError.message })}</p>
            <p>{t('registryMirrors.parse.nothing')}</p>
          </div>
        </div>
      ) : null}

      {broken ? null : (
        <>
      <section className="registry-mirrors-block" data-testid="registry-mirrors">
        <div className="registry-mirrors-block__head">
          <h3 className="registry-mirrors-block__title">{t('registryMirrors.mirrors.heading')}</h3>
          <button type="button" className="button button--secondary button--small" disabled={validMirrors.length === 0} onClick={() => onTestSpeed(validMirrors)} data-testid="registry-mirrors-test-speed">
            <Icon name="zap" size={14} />
            {t('registryMirrors.mirrors.testSpeed')}
          </button>
        </div>
        <p className="notice notice--info registry-mirrors-hub-only">
          <Icon name="info" />
          <span>{t('registryMirrors.hubOnly')}</span>
        </p>
        <p className="muted">{t('registryMirrors.mirrors.help')}</p>
        <EntryList kind="mirrors" entries={mirrors} checks={mirrorChecks} inEffect={state.inEffect?.registryMirrors} reorder onChange={setMirrors} />
        {presets ? <AddMirror key={JSON.stringify(presets.source)} presets={presets.presets} onAdd={(url) => setMirrors([...mirrors, url])} /> : <Spinner />}
        {presets ? <PresetSource presets={presets} onChanged={onPresetsChanged} /> : null}
      </section>

      <InsecureRegistries entries={insecure} checks={insecureChecks} inEffect={state.inEffect?.insecureRegistries} onChange={setInsecure} />

      <EngineProxy state={state} draft={proxies} onChange={setProxies} {...(plannedProxy ? { planned: plannedProxy.checks } : {})} />

        </>
      )}

      <footer className="registry-mirrors__footer">
        {!entriesValid ? <span className="registry-mirrors-entries__problem">{t('registryMirrors.review.invalid')}</span> : null}
        <button type="button" className="button button--primary" disabled={broken || !dirty || !entriesValid || planning} onClick={() => void review()} data-testid="registry-review">
          {t('registryMirrors.review.button')}
        </button>
      </footer>
      {planError ? <ErrorNotice title={t('registryMirrors.review.planFailed')} error={planError} /> : null}
      {plan ? (
        <ApplyDialog
          plan={plan}
          settings={settings}
          engineVersion={state.engineVersion}
          onClose={() => setPlan(null)}
          onSettled={reread}
        />
      ) : null}
    </section>
  );
}
