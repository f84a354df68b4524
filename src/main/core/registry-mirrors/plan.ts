/** The pure part of a plan: check the entries, merge them into the parsed file, diff, and find flag conflicts. */
import { createHash } from 'node:crypto';
import {
  checkProxies,
  maskCredentials,
  maskProxyUrl,
  MASKED_CREDENTIALS,
  PROXY_FIELDS,
  PROXY_FILE_KEYS,
  hasCredentials,
  sameProxies,
  type ProxyCheck,
  type ProxyField,
  type ProxySettings,
} from '../../../shared/engine-proxy';
import {
  checkEntries,
  checkInsecureEntry,
  checkMirrorEntry,
  type RegistryMirrorsPlan,
  type FlagConflict,
  type ParseProblem,
  type RegistrySettings,
} from '../../../shared/registry-mirrors';
import type { DockerdFlags } from './dockerd-process';
import { parseDaemonJson } from './json-text';
import { checkLogDefaults, sameLogDefaults, type LogDefaults } from '../../../shared/container-logs';
import { editRegistryValues, lineDiff, logDefaultsOf, proxiesOf } from './merge';

export function fileHash(text: string | undefined): string {
  return text === undefined ? '' : createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Keys dockerd got as flags that the file would also set: dockerd refuses its configuration then. */
export function flagConflicts(config: Record<string, unknown>, flags: Pick<DockerdFlags, 'registryMirrors' | 'insecureRegistries'> & Partial<Pick<DockerdFlags, 'proxies'>> | undefined): FlagConflict[] {
  if (!flags) return [];
  const conflicts: FlagConflict[] = [];
  const inFile = proxiesOf(config);
  for (const field of PROXY_FIELDS) {
    const flagValue = flags.proxies?.[field];
    // Per field, as dockerd compares them: --http-proxy beside proxies.https-proxy is fine.
    if (flagValue !== undefined && inFile[field] !== '') {
      conflicts.push({ key: 'proxies', flag: `--${PROXY_FILE_KEYS[field]}`, flagValues: [field === 'noProxy' ? flagValue : maskProxyUrl(flagValue)] });
    }
  }
  if (flags.registryMirrors.length > 0 && 'registry-mirrors' in config) {
    conflicts.push({ key: 'registry-mirrors', flag: '--registry-mirror', flagValues: flags.registryMirrors });
  }
  if (flags.insecureRegistries.length > 0 && 'insecure-registries' in config) {
    conflicts.push({ key: 'insecure-registries', flag: '--insecure-registry', flagValues: flags.insecureRegistries });
  }
  return conflicts;
}

export type ContentPlan = Pick<
  RegistryMirrorsPlan,
  'path' | 'currentHash' | 'mirrors' | 'insecure' | 'valid' | 'unchanged' | 'newText' | 'diff' | 'conflicts' | 'parseError'
> & {
  wanted: RegistrySettings;
  /** The proxy's checks and the values to write (credentials in clear: the core's alone). */
  proxy?: { checks: Record<ProxyField, ProxyCheck>; wanted: ProxySettings; current: ProxySettings; changed: boolean };
  logDefaults?: { wanted: LogDefaults; problems: ReturnType<typeof checkLogDefaults>; changed: boolean };
};

export interface ContentPlanOptions {
  flags?: DockerdFlags;
  undecodable?: ParseProblem;
  /** The engine reads `proxies` (≥ 23): the proxy goes into the file. Otherwise it is planned apart (a drop-in). */
  proxiesKey?: boolean;
  /** Only commands can be shown (web mode): credentials would be on screen, so they are refused. */
  manual?: boolean;
}

/**
 * The proxy as typed, checked; a value that is the file's own with its credentials masked (as Wharf showed it)
 * stands for the file's value.
 */
function checkedProxies(input: ProxySettings, current: ProxySettings, manual: boolean): { checks: Record<ProxyField, ProxyCheck>; wanted: ProxySettings } {
  const unmasked: ProxySettings = { ...input };
  for (const field of ['httpProxy', 'httpsProxy'] as const) {
    const typed = input[field].trim();
    if (typed !== '' && current[field] !== '' && typed === maskProxyUrl(current[field])) unmasked[field] = current[field];
  }
  const checks = checkProxies(unmasked);
  for (const field of ['httpProxy', 'httpsProxy'] as const) {
    const check = checks[field];
    if (check.value === undefined) continue;
    if (check.value.includes(`${MASKED_CREDENTIALS}@`)) checks[field] = { problem: 'masked-unknown' };
    else if (manual && hasCredentials(check.value)) checks[field] = { problem: 'credentials-manual' };
  }
  const wanted: ProxySettings = {
    httpProxy: checks.httpProxy.value ?? '',
    httpsProxy: checks.httpsProxy.value ?? '',
    noProxy: checks.noProxy.value ?? '',
  };
  // What leaves the core: the values masked.
  const shown = Object.fromEntries(PROXY_FIELDS.map((f) => [f, checks[f].value === undefined ? checks[f] : { ...checks[f], value: maskProxyUrl(checks[f].value ?? '') }]));
  return { checks: shown as Record<ProxyField, ProxyCheck>, wanted };
}

/**
 * `text` undefined: the file does not exist (the same as `{}`). A file that does not parse (or whose bytes are not
 * UTF-8: `undecodable`) gets no new text. `input.proxies` goes into the file only when the engine reads the key.
 */
export function contentPlan(path: string, text: string | undefined, input: RegistrySettings, o: ContentPlanOptions = {}): ContentPlan {
  const mirrors = checkEntries(input.registryMirrors, checkMirrorEntry);
  const insecure = checkEntries(input.insecureRegistries, checkInsecureEntry);
  const wanted: RegistrySettings = {
    registryMirrors: mirrors.flatMap((e) => (e.value ? [e.value] : [])),
    insecureRegistries: insecure.flatMap((e) => (e.value ? [e.value] : [])),
  };
  const base = { path, currentHash: fileHash(text), mirrors, insecure, wanted };
  const parsed = o.undecodable ? ({ ok: false, problem: o.undecodable } as const) : parseDaemonJson(text ?? '');
  if (!parsed.ok) {
    return { ...base, valid: false, unchanged: true, newText: text ?? '', diff: [], conflicts: [], parseError: parsed.problem };
  }
  const current = proxiesOf(parsed.value);
  const proxy = input.proxies ? { ...checkedProxies(input.proxies, current, o.manual === true), current } : undefined;
  const proxyOk = proxy === undefined || PROXY_FIELDS.every((f) => proxy.checks[f].problem === undefined);
  const log = input.logDefaults ? logDefaultsPlan(input.logDefaults, logDefaultsOf(parsed.value)) : undefined;
  const logOk = log === undefined || Object.keys(log.problems).length === 0;
  const newText = editRegistryValues(text, {
    ...wanted,
    ...(proxy && proxyOk && o.proxiesKey ? { proxies: proxy.wanted } : {}),
    ...(log && logOk ? { logDefaults: log.wanted } : {}),
  });
  const edited = parseDaemonJson(newText);
  const conflicts = flagConflicts(edited.ok ? edited.value : {}, o.flags);
  const entriesOk = [...mirrors, ...insecure].every((e) => e.problem === undefined);
  const unchanged = newText === (text ?? '');
  return {
    ...base,
    valid: entriesOk && proxyOk && logOk && conflicts.length === 0,
    unchanged,
    newText,
    diff: lineDiff(text ?? '', newText),
    conflicts,
    ...(proxy ? { proxy: { checks: proxy.checks, wanted: proxy.wanted, current, changed: !sameProxies(proxy.wanted, current) } } : {}),
    ...(log ? { logDefaults: log } : {}),
  };
}

/** Log defaults as typed, trimmed and checked; an empty driver keeps the file's (Wharf never writes `"log-driver": ""`). */
function logDefaultsPlan(input: LogDefaults, current: LogDefaults): NonNullable<ContentPlan['logDefaults']> {
  const wanted: LogDefaults = { driver: input.driver.trim() || current.driver, maxSize: input.maxSize.trim().toLowerCase(), maxFile: input.maxFile.trim() };
  return { wanted, problems: checkLogDefaults(wanted), changed: !sameLogDefaults(wanted, current) };
}

/** The plan as it leaves the core: every proxy credential in the new text and the diff masked. */
export function maskedForShow<T extends { newText: string; diff: RegistryMirrorsPlan['diff'] }>(plan: T): T {
  return { ...plan, newText: maskCredentials(plan.newText), diff: plan.diff.map((line) => ({ ...line, text: maskCredentials(line.text) })) };
}
