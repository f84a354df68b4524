import type { TFunction } from 'i18next';
import type { WharfErrorInfo } from '../../../shared/errors';
import { isEngineNameDetails } from '../../../shared/engine-names';
import { isEngineSwitchedDetails } from '../../../shared/engines';
import { isEngineForbiddenDetails, isEngineStoppedDetails } from '../../../shared/engine-failure';
import { isPrivilegeRefusalDetails } from '../../../shared/privilege';
import { isRegistryMirrorsRefusalDetails } from '../../../shared/registry-mirrors';
import { isServerUnreachable } from '../api/server-unreachable';

/** The translated sentence for an error: by its code, or the web client's own "server unreachable". */
export function errorMessage(t: TFunction, error: WharfErrorInfo): string {
  if (isServerUnreachable(error.details)) return t('errors.serverUnreachable');
  // A name the engine layer refused before any request: say what is wrong with it.
  if (error.code === 'invalid-input' && isEngineNameDetails(error.details)) {
    return t(`errors.engineName.${error.details.problem}`, { kind: t(`errors.engineKind.${error.details.kind}`) });
  }
  // What the engine's answer meant, where the code alone would mislead ("aborted", "permission denied").
  if (isEngineStoppedDetails(error.details)) return t(error.details.during === 'pull' ? 'errors.engineStoppedDuringPull' : 'errors.engineStoppedDuringPush');
  if (isEngineForbiddenDetails(error.details)) return t('errors.engineForbidden');
  // A log, terminal or stats view whose engine Wharf left.
  if (isEngineSwitchedDetails(error.details)) return t('engines.streamSwitched', error.details.engineSwitched);
  // Why pkexec ran nothing: polkit said no, the password dialog was dismissed, or no agent could ask.
  if (isPrivilegeRefusalDetails(error.details)) return t(`errors.privilege.${error.details.privilege}`);
  // Why daemon.json was not touched (Wharf's check, or its root helper's).
  if (isRegistryMirrorsRefusalDetails(error.details)) return t(`registryMirrors.refused.${error.details.reason}`, { path: error.details.path });
  return t(`errors.${error.code}`);
}

/**
 * Translates a key that comes from main at run time (task kinds and steps): falls back to the raw
 * text when the catalog has no such key, so a new kind still shows something meaningful.
 */
export function dynamicText(t: TFunction, key: string, fallback: string, values?: Record<string, string | number>): string {
  // The key is checked at run time, so the compile-time key type is relaxed here on purpose.
  const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
  return translate(key, { ...values, defaultValue: fallback });
}
