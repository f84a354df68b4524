/** What the engine uses now, from GET /info, in the form Wharf writes (to tell whether an apply took effect). */
import type { RegistrySettings } from '../../../shared/registry-mirrors';
import type { EngineInfo } from '../engine/engine-types';

/** Always insecure, whatever the file says. */
const BUILT_IN_CIDRS = ['127.0.0.0/8', '::1/128'];

export function inEffectOf(info: Pick<EngineInfo, 'RegistryConfig'>): RegistrySettings {
  const config = info.RegistryConfig ?? {};
  const mirrors = (config.Mirrors ?? []).map((m) => m.replace(/\/+$/, ''));
  const names = Object.entries(config.IndexConfigs ?? {})
    .filter(([, index]) => index.Secure === false)
    .map(([name]) => name);
  const cidrs = (config.InsecureRegistryCIDRs ?? []).filter((cidr) => !BUILT_IN_CIDRS.includes(cidr));
  return { registryMirrors: mirrors, insecureRegistries: [...names, ...cidrs] };
}

/** Mirrors in the same order; insecure entries as a set (the engine lists names and CIDRs apart). */
export function settingsMatch(inEffect: RegistrySettings, wanted: RegistrySettings): boolean {
  const mirrors = wanted.registryMirrors.map((m) => m.replace(/\/+$/, ''));
  const sameMirrors = mirrors.length === inEffect.registryMirrors.length && mirrors.every((m, i) => inEffect.registryMirrors[i] === m);
  const want = new Set(wanted.insecureRegistries.filter((e) => !BUILT_IN_CIDRS.includes(e)));
  const have = new Set(inEffect.insecureRegistries);
  return sameMirrors && want.size === have.size && [...want].every((e) => have.has(e));
}
