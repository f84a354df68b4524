/** The only change Wharf makes to daemon.json: the values of its registry keys and `proxies`; every other byte stays. */
import { PROXY_FIELDS, PROXY_FILE_KEYS, type ProxySettings } from '../../../shared/engine-proxy';
import type { LogDefaults } from '../../../shared/container-logs';
import type { DiffLine, RegistrySettings } from '../../../shared/registry-mirrors';
import { parseDaemonJson, serializeDaemonJson, type MemberSpan, type ObjectLayout } from './json-text';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `proxies` as the file has it ('' for a field it does not set). */
export function proxiesOf(config: Record<string, unknown>): ProxySettings {
  const proxies = objectOf(config.proxies);
  const field = (key: string): string => (typeof proxies[key] === 'string' ? (proxies[key] as string) : '');
  return { httpProxy: field('http-proxy'), httpsProxy: field('https-proxy'), noProxy: field('no-proxy') };
}

/** `log-driver` and `log-opts`' max-size / max-file as the file has them ('' where it sets none). */
export function logDefaultsOf(config: Record<string, unknown>): LogDefaults {
  const opts = objectOf(config['log-opts']);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return { driver: text(config['log-driver']), maxSize: text(opts['max-size']), maxFile: text(opts['max-file']) };
}

/** The file's settings; its proxies as written (the caller masks them before they leave the core). */
export function registrySettingsOf(config: Record<string, unknown>): RegistrySettings & { proxies: ProxySettings; logDefaults: LogDefaults } {
  return {
    registryMirrors: stringList(config['registry-mirrors']),
    insecureRegistries: stringList(config['insecure-registries']),
    proxies: proxiesOf(config),
    logDefaults: logDefaultsOf(config),
  };
}

/** The new `log-opts`: max-size and max-file as wanted, every other option (labels, compress, …) kept. */
function logOptsValue(old: unknown, d: LogDefaults): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(objectOf(old)).filter(([key]) => key !== 'max-size' && key !== 'max-file'));
  return { ...kept, ...(d.maxSize !== '' ? { 'max-size': d.maxSize } : {}), ...(d.maxFile !== '' ? { 'max-file': d.maxFile } : {}) };
}

/** The new `proxies` object: the fields set, and any other member the old object had (dockerd may learn more). */
function proxiesValue(old: unknown, proxies: ProxySettings): Record<string, string | unknown> {
  const kept = Object.fromEntries(Object.entries(objectOf(old)).filter(([key]) => !Object.values(PROXY_FILE_KEYS).includes(key as never)));
  const set = Object.fromEntries(PROXY_FIELDS.filter((f) => proxies[f] !== '').map((f) => [PROXY_FILE_KEYS[f], proxies[f]]));
  return { ...kept, ...set };
}

type Wanted =
  | { key: 'registry-mirrors' | 'insecure-registries'; list: string[] }
  | { key: 'proxies'; proxies: ProxySettings }
  | { key: 'log-driver'; driver: string }
  | { key: 'log-opts'; log: LogDefaults };

function isEmpty(w: Wanted): boolean {
  switch (w.key) {
    case 'proxies':
      return PROXY_FIELDS.every((f) => w.proxies[f] === '');
    case 'log-driver':
      return w.driver === '';
    case 'log-opts':
      return w.log.maxSize === '' && w.log.maxFile === '';
    default:
      return w.list.length === 0;
  }
}

/**
 * The new text of daemon.json: only the values of the registry keys (and `proxies`, when `settings.proxies` is
 * given) change, every other byte stays (numbers JSON.parse would round, `__proto__`, duplicate keys, comments-free
 * oddities). A key that existed keeps its place — every top-level occurrence gets the value, so a duplicated key
 * cannot keep the old one — and an emptied list stays as `[]`: dockerd's reload only changes a setting whose key is
 * present. A missing key goes after the last member, in the file's indentation and line endings. A file that does
 * not parse is the caller's to refuse.
 */
export function editRegistryValues(text: string | undefined, settings: RegistrySettings): string {
  const wanted: Wanted[] = [
    { key: 'registry-mirrors', list: settings.registryMirrors },
    { key: 'insecure-registries', list: settings.insecureRegistries },
    ...(settings.proxies ? [{ key: 'proxies' as const, proxies: settings.proxies }] : []),
    ...(settings.logDefaults ? [{ key: 'log-driver' as const, driver: settings.logDefaults.driver }, { key: 'log-opts' as const, log: settings.logDefaults }] : []),
  ];
  const parsed = parseDaemonJson(text ?? '');
  if (!parsed.ok) return text ?? '';
  const layout = parsed.layout;
  const valueOf = (w: Wanted, old?: unknown): unknown => {
    switch (w.key) {
      case 'proxies':
        return proxiesValue(old, w.proxies);
      case 'log-driver':
        return w.driver;
      case 'log-opts':
        return logOptsValue(old, w.log);
      default:
        return w.list;
    }
  };
  if (layout === undefined) {
    // No file, or a blank one: a new file, unless there is nothing to write.
    const fresh = Object.fromEntries(wanted.filter((w) => !isEmpty(w)).map((w) => [w.key, valueOf(w)]));
    return Object.keys(fresh).length === 0 ? (text ?? '') : serializeDaemonJson(fresh);
  }
  const source = text ?? '';
  const style = styleOf(source, layout);
  const edits: Array<{ start: number; end: number; insert: string }> = [];
  const missing: Array<[string, unknown]> = [];
  for (const w of wanted) {
    const spans = layout.members.filter((m) => m.key === w.key);
    if (spans.length === 0) {
      if (!isEmpty(w)) missing.push([w.key, valueOf(w)]);
      continue;
    }
    for (const span of spans) {
      const oldText = source.slice(span.valueStart, span.valueEnd);
      const value = valueOf(w, parseOr(oldText));
      if (sameValue(oldText, value)) continue;
      edits.push({ start: span.valueStart, end: span.valueEnd, insert: valueText(value, style, source, span) });
    }
  }
  if (missing.length > 0) edits.push(insertion(source, layout, style, missing));
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.insert + result.slice(edit.end);
  return result;
}

interface TextStyle {
  eol: string;
  /** One level of indentation, as the file writes it. */
  unit: string;
  /** The top-level members' indentation; undefined when they share a line with the brace (a one-line file). */
  memberIndent: string | undefined;
  /** What stands between a key and its value (": " by default). */
  colon: string;
}

/** The whitespace before `offset` on its line, when only whitespace precedes it there. */
function lineIndent(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset).replace(/^\uFEFF/, '');
  return /^[ \t]*$/.test(before) ? before : undefined;
}

function styleOf(text: string, layout: ObjectLayout): TextStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const first = layout.members[0];
  if (first === undefined) return { eol, unit: '  ', memberIndent: '  ', colon: ': ' };
  const between = text.slice(layout.open + 1, first.keyStart);
  const memberIndent = between.includes('\n') ? lineIndent(text, first.keyStart) : undefined;
  const braceIndent = lineIndent(text, layout.open) ?? '';
  const unit = memberIndent !== undefined && memberIndent.startsWith(braceIndent) && memberIndent.length > braceIndent.length ? memberIndent.slice(braceIndent.length) : '  ';
  const colon = text.slice(first.keyEnd, first.valueStart);
  return { eol, unit, memberIndent, colon: colon.includes('\n') ? ': ' : colon };
}

function parseOr(valueText: string): unknown {
  try {
    return JSON.parse(valueText) as unknown;
  } catch {
    return undefined; // an old value that is not plain JSON: replaced as a whole
  }
}

/** The old value is the new one (compared as JSON, so its spacing does not count). */
function sameValue(valueText: string, value: unknown): boolean {
  const old = parseOr(valueText);
  return old !== undefined && JSON.stringify(old) === JSON.stringify(value);
}

/**
 * A list's or an object's JSON: on one line where the old value was (or the file is) on one line, else one entry
 * per line, in the file's indentation.
 */
function valueText(value: unknown, style: TextStyle, text: string, span?: MemberSpan): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const isList = Array.isArray(value);
  const items = isList ? (value as unknown[]).map((entry) => JSON.stringify(entry)) : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}${style.colon}${JSON.stringify(v)}`);
  const [open, close] = isList ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return `${open}${close}`;
  const keyIndent = span ? lineIndent(text, span.keyStart) : style.memberIndent;
  const oneLine = span ? !text.slice(span.valueStart, span.valueEnd).includes('\n') : style.memberIndent === undefined;
  if (oneLine || keyIndent === undefined) return `${open}${items.join(style.colon.endsWith(' ') ? ', ' : ',')}${close}`;
  const itemIndent = keyIndent + style.unit;
  return `${open}${style.eol}${items.map((item) => itemIndent + item).join(`,${style.eol}`)}${style.eol}${keyIndent}${close}`;
}

/** The missing keys as new members after the last one (or inside an empty object). */
function insertion(text: string, layout: ObjectLayout, style: TextStyle, missing: Array<[string, unknown]>): { start: number; end: number; insert: string } {
  const last = layout.members.at(-1);
  if (last === undefined) {
    // `{}` or `{ }`: the members on their own lines, the closing brace where the opening one is.
    const braceIndent = lineIndent(text, layout.open) ?? '';
    const memberStyle = { ...style, memberIndent: braceIndent + style.unit };
    const members = missing.map(([key, value]) => `${memberStyle.memberIndent}${JSON.stringify(key)}${style.colon}${valueText(value, memberStyle, text)}`);
    return { start: layout.open + 1, end: layout.close, insert: `${style.eol}${members.join(`,${style.eol}`)}${style.eol}${braceIndent}` };
  }
  const separator = style.memberIndent === undefined ? (style.colon.endsWith(' ') ? ' ' : '') : `${style.eol}${style.memberIndent}`;
  const members = missing.map(([key, value]) => `,${separator}${JSON.stringify(key)}${style.colon}${valueText(value, style, text)}`);
  return { start: last.valueEnd, end: last.valueEnd, insert: members.join('') };
}

const MAX_DIFF_CELLS = 4_000_000;

/** A line diff (longest common subsequence; removed lines before added ones); a huge file falls back to "all removed, all added". */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.replace(/\r?\n$/, '').split(/\r?\n/);
  const b = after === '' ? [] : after.replace(/\r?\n$/, '').split(/\r?\n/);
  if (a.length * b.length > MAX_DIFF_CELLS) {
    return [...a.map((text) => ({ op: 'remove' as const, text })), ...b.map((text) => ({ op: 'add' as const, text }))];
  }
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = table[i] as number[];
      row[j] = a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const diff: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      diff.push({ op: 'same', text: a[i] as string });
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || (table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0))) {
      diff.push({ op: 'remove', text: a[i] as string });
      i += 1;
    } else {
      diff.push({ op: 'add', text: b[j] as string });
      j += 1;
    }
  }
  return diff;
}
