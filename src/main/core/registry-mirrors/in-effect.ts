/** What the engine uses now, from GET /info, in the form Wharf writes (to tell whether an apply took effect). */
import { maskProxyUrl, PROXY_FIELDS, type ProxySettings } from '../../../shared/engine-proxy';
import type { RegistrySettings } from '../../../shared/registry-mirrors';
import type { EngineInfo } from '../engine/engine-types';

/** Always insecure, whatever the file says. */
const BUILT_IN_CIDRS = ['127.0.0.0/8', '::1/128'];

export function inEffectOf(info: Pick<EngineInfo, 'RegistryConfig' | 'HttpProxy' | 'HttpsProxy' | 'NoProxy'>): RegistrySettings & { proxies: ProxySettings } {
  const config = info.RegistryConfig ?? {};
  const mirrors = (config.Mirrors ?? []).map((m) => m.replace(/\/+$/, ''));
  const names = Object.entries(config.IndexConfigs ?? {})
    .filter(([, index]) => index.Secure === false)
    .map(([name]) => name);
  const cidrs = (config.InsecureRegistryCIDRs ?? []).filter((cidr) => !BUILT_IN_CIDRS.includes(cidr));
  // The engine masks credentials already; masked again in case an older one did not.
  const proxies = { httpProxy: maskProxyUrl(info.HttpProxy ?? ''), httpsProxy: maskProxyUrl(info.HttpsProxy ?? ''), noProxy: info.NoProxy ?? '' };
  return { registryMirrors: mirrors, insecureRegistries: [...names, ...cidrs], proxies };
}

/**
 * What GET /info should show for the proxy after an apply: each field set, masked as the engine masks it; a field
 * left empty shows the engine's environment (HTTP_PROXY of its service), which Wharf cannot read — not checked.
 */
export type ExpectedProxies = Partial<ProxySettings>;

export function expectedProxies(wanted: ProxySettings): ExpectedProxies {
  return Object.fromEntries(PROXY_FIELDS.filter((f) => wanted[f] !== '').map((f) => [f, f === 'noProxy' ? wanted[f] : maskProxyUrl(wanted[f])]));
}

/**
 * Mirrors in the same order; insecure entries as a set (the engine lists names and CIDRs apart); the proxy's fields
 * that were set, when `proxies` is given.
 */
export function settingsMatch(inEffect: RegistrySettings, wanted: RegistrySettings, proxies?: ExpectedProxies): boolean {
  const mirrors = wanted.registryMirrors.map((m) => m.replace(/\/+$/, ''));
  const sameMirrors = mirrors.length === inEffect.registryMirrors.length && mirrors.every((m, i) => inEffect.registryMirrors[i] === m);
  const want = new Set(wanted.insecureRegistries.filter((e) => !BUILT_IN_CIDRS.includes(e)));
  const have = new Set(inEffect.insecureRegistries);
  const sameProxies = proxies === undefined || PROXY_FIELDS.every((f) => proxies[f] === undefined || inEffect.proxies?.[f] === proxies[f]);
  return sameMirrors && want.size === have.size && [...want].every((e) => have.has(e)) && sameProxies;
}
