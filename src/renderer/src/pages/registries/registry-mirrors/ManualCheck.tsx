import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import { PROXY_FIELDS, type ProxySettings } from '../../../../../shared/engine-proxy';
import type { RegistryMirrorsPlan, RegistryMirrorsState, RegistrySettings } from '../../../../../shared/registry-mirrors';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';

/** After the user ran the shown commands: the new values in effect, only in the file (reload missing), or not yet written. */
export type ManualVerdict = 'in-effect' | 'file-only' | 'not-yet';

const noSlash = (url: string): string => url.replace(/\/+$/, '');

function sameMirrors(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => noSlash(x) === noSlash(b[i] ?? ''));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The proxy's fields that were set show as planned (masked); an emptied one may come from the service's environment. */
function sameProxies(have: ProxySettings | undefined, wanted: ProxySettings | undefined): boolean {
  return wanted === undefined || PROXY_FIELDS.every((f) => wanted[f] === '' || have?.[f] === wanted[f]);
}

function matches(settings: RegistrySettings, wanted: RegistrySettings): boolean {
  return sameMirrors(settings.registryMirrors, wanted.registryMirrors) && sameSet(settings.insecureRegistries, wanted.insecureRegistries) && sameProxies(settings.proxies, wanted.proxies);
}

/** What the plan writes, as the file and GET /info spell it (the proxy masked, as both show it). */
export function wantedOf(plan: RegistryMirrorsPlan): RegistrySettings {
  const proxy = plan.proxy?.checks;
  return {
    registryMirrors: plan.mirrors.flatMap((c) => (c.value ? [c.value] : [])),
    insecureRegistries: plan.insecure.flatMap((c) => (c.value ? [c.value] : [])),
    ...(proxy ? { proxies: { httpProxy: proxy.httpProxy.value ?? '', httpsProxy: proxy.httpsProxy.value ?? '', noProxy: proxy.noProxy.value ?? '' } } : {}),
  };
}

export function manualVerdict(state: RegistryMirrorsState, wanted: RegistrySettings): ManualVerdict {
  if (state.inEffect && matches(state.inEffect, wanted)) return 'in-effect';
  return matches(state.settings, wanted) ? 'file-only' : 'not-yet';
}

/** The outcome of "I ran them: check": the engine's values now, said plainly. */
export function ManualCheckResult({ verdict, state, error }: { verdict?: ManualVerdict; state?: RegistryMirrorsState; error?: WharfErrorInfo }): ReactElement | null {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A block body: newer Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
    void ref.current?.scrollIntoView({ block: 'nearest' });
  }, [verdict, state, error]);
  if (error) return <ErrorNotice title={t('registryMirrors.manual.failed')} error={error} />;
  if (!verdict || !state) return null;
  const inEffect = state.inEffect?.registryMirrors ?? [];
  return (
    <div ref={ref} className={`notice ${verdict === 'in-effect' ? 'notice--info' : 'notice--warning'} registry-mirrors-outcome`} data-testid="registry-manual-result" data-verdict={verdict}>
      <Icon name={verdict === 'in-effect' ? 'check' : 'alert'} />
      <div className="notice__body">
        <strong>{t(`registryMirrors.manual.${verdict}`)}</strong>
        <p className="muted">{t('registryMirrors.manual.mirrorsNow')}</p>
        {inEffect.length === 0 ? (
          <p className="muted">{t('registryMirrors.manual.none')}</p>
        ) : (
          <ol className="registry-mirrors-manual__mirrors">
            {inEffect.map((url) => (
              <li key={url}>
                <code className="mono">{url}</code>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
