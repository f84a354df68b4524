import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { checkProxies, PROXY_FIELDS, type ProxyCheck, type ProxyField, type ProxySettings } from '../../../../../shared/engine-proxy';
import type { RegistryMirrorsState } from '../../../../../shared/registry-mirrors';
import { Icon } from '../../../components/Icon';
import { TextField } from '../../../components/TextField';

const LABEL: Record<ProxyField, 'http' | 'https' | 'noProxy'> = { httpProxy: 'http', httpsProxy: 'https', noProxy: 'noProxy' };
const PLACEHOLDER: Record<ProxyField, string> = { httpProxy: 'http://proxy.example:3128', httpsProxy: 'http://proxy.example:3128', noProxy: 'localhost,127.0.0.1,.corp.example' };

/** A check's problem as the user reads it (undefined when the value is fine). */
export function useProxyProblem(): (check: ProxyCheck | undefined) => string | undefined {
  const { t } = useTranslation();
  return (check) => (check?.problem ? t(`registryMirrors.proxy.problem.${check.problem}`, { entry: check.entry ?? '' }) : undefined);
}

/** The proxy `docker info` shows (credentials masked as it masks them), field by field. */
export function ProxyInEffect({ proxies }: { proxies: ProxySettings }): ReactElement {
  const { t } = useTranslation();
  return (
    <dl className="registry-proxy__now" data-testid="registry-proxy-now">
      <dt className="muted">{t('registryMirrors.proxy.inEffect')}</dt>
      {PROXY_FIELDS.map((field) => (
        <dd key={field}>
          <span className="muted">{t(`registryMirrors.proxy.${LABEL[field]}`)}: </span>
          {proxies[field] ? (
            <code className="mono" translate="no">
              {proxies[field]}
            </code>
          ) : (
            <span className="faint">{t('registryMirrors.proxy.none')}</span>
          )}
        </dd>
      ))}
    </dl>
  );
}

export interface EngineProxyProps {
  state: RegistryMirrorsState;
  draft: ProxySettings;
  onChange(next: ProxySettings): void;
  /** The checks the core made at the last review (credentials it will not show, masked values it cannot keep). */
  planned?: Partial<Record<ProxyField, ProxyCheck>>;
}

/**
 * The engine's own proxy (HTTP_PROXY, HTTPS_PROXY, NO_PROXY): what `docker info` shows in effect, the three fields
 * checked as typed, and what a change means — a restart on engines ≥ 23, a systemd drop-in for root before.
 */
export function EngineProxy({ state, draft, onChange, planned }: EngineProxyProps): ReactElement {
  const { t } = useTranslation();
  const problemOf = useProxyProblem();
  const checks = useMemo(() => checkProxies(draft), [draft]);
  const now = state.inEffect?.proxies;
  const flags = state.flags?.proxies;
  return (
    <section className="registry-mirrors-block" data-testid="registry-proxy">
      <h3 className="registry-mirrors-block__title">{t('registryMirrors.proxy.heading')}</h3>
      <p className="muted">{t('registryMirrors.proxy.help')}</p>
      {state.proxiesKey === false ? (
        <p className="notice notice--info" data-testid="registry-proxy-old-engine">
          <Icon name="info" />
          <span>{t('registryMirrors.proxy.oldEngine', { version: state.engineVersion ?? '?' })}</span>
        </p>
      ) : (
        <p className="notice notice--warning">
          <Icon name="alert" />
          <span>{t('registryMirrors.proxy.restart')}</span>
        </p>
      )}
      {now ? <ProxyInEffect proxies={now} /> : null}
      <div className="field-grid">
        {PROXY_FIELDS.map((field) => (
          <TextField
            key={field}
            id={`registry-proxy-${field}`}
            label={t(`registryMirrors.proxy.${LABEL[field]}`)}
            value={draft[field]}
            onChange={(value) => onChange({ ...draft, [field]: value })}
            placeholder={PLACEHOLDER[field]}
            hint={t(`registryMirrors.proxy.${LABEL[field]}Help`)}
            problem={problemOf(checks[field]) ?? problemOf(planned?.[field])}
            testId={`registry-proxy-${field}`}
          />
        ))}
      </div>
      {PROXY_FIELDS.filter((field) => flags?.[field]).map((field) => (
        <p key={field} className="notice notice--warning" data-testid="registry-proxy-flag">
          {t('registryMirrors.proxy.flag', { flag: `--${LABEL[field] === 'noProxy' ? 'no-proxy' : `${LABEL[field]}-proxy`}`, value: flags?.[field] ?? '' })}
        </p>
      ))}
      <p className="faint">{t('registryMirrors.proxy.credentials')}</p>
    </section>
  );
}
