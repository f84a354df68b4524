/** text/template's builtin functions and the docker CLI's own (templates/templates.go basicFunctions). */
import { CallError, type TemplateFunction } from './exec';
import { sprintf, sprint, goQuote } from './printf';
import { isFloat, isList, isMap, isStruct, printValue, truth, typeOf, type GoValue } from './values';

const utf8 = new TextEncoder();

function num(v: GoValue): number | null {
  if (typeof v === 'number') return v;
  if (isFloat(v)) return v.value;
  return null;
}

function basicKind(v: GoValue): string {
  if (typeof v === 'number') return 'int';
  if (isFloat(v)) return 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

function equal(a: GoValue, b: GoValue): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
    throw new CallError('incompatible types for comparison');
  }
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'other' || kb === 'other') throw new CallError('non-comparable types');
  if (ka !== kb) throw new CallError('incompatible types for comparison');
  return ka === 'int' || ka === 'float' ? num(a) === num(b) : a === b;
}

function less(a: GoValue, b: GoValue): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'other' || ka === 'bool' || kb === 'other' || kb === 'bool') throw new CallError('invalid type for comparison');
  if (ka !== kb) throw new CallError('incompatible types for comparison');
  return ka === 'string' ? (a as string) < (b as string) : (num(a) ?? 0) < (num(b) ?? 0);
}

function length(v: GoValue): number {
  if (typeof v === 'string') return utf8.encode(v).length;
  if (isList(v)) return v.length;
  if (isMap(v)) return v.entries.size;
  throw new CallError(`len of type ${typeOf(v)}`);
}

function index(item: GoValue, keys: GoValue[]): GoValue {
  let v = item;
  for (const key of keys) {
    if (isList(v)) {
      const i = num(key);
      if (i === null) throw new CallError(`cannot index slice/array with type ${typeOf(key)}`);
      if (i < 0 || i >= v.length) throw new CallError(`index out of range: ${i}`);
      v = v[i];
    } else if (isMap(v)) {
      if (typeof key !== 'string') throw new CallError(`value has type ${typeOf(key)}; should be string`);
      v = v.entries.get(key) ?? '';
    } else if (typeof v === 'string') {
      const i = num(key);
      const bytes = utf8.encode(v);
      if (i === null || i < 0 || i >= bytes.length) throw new CallError(`index out of range: ${String(i)}`);
      v = bytes[i] ?? 0;
    } else if (v === null || v === undefined) throw new CallError('index of untyped nil');
    else throw new CallError(`can't index item of type ${typeOf(v)}`);
  }
  return v;
}

/** strings.Title: the first letter of each word upper-cased (words split at anything but letters, digits, _ and '). */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const separator = !/[\p{L}\p{N}_']/u.test(prev);
    out += separator ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

/** encoding/json with SetEscapeHTML(false), as the CLI's `json` function encodes. */
export function marshal(v: GoValue): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isFloat(v)) return String(v.value);
  if (isList(v)) return `[${v.map(marshal).join(',')}]`;
  if (isMap(v)) return `{${[...v.entries.keys()].sort().map((k) => `${marshal(k)}:${marshal(v.entries.get(k))}`).join(',')}}`;
  if (v.json) return v.json();
  const fields = Object.entries(v.members).filter(([, m]) => typeof m !== 'function') as Array<[string, GoValue]>;
  return `{${fields.map(([k, m]) => `${marshal(k)}:${marshal(m)}`).join(',')}}`;
}

function htmlEscape(s: string): string {
  return s.replace(/[&'<>"\0]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c] ?? c);
}

function jsEscape(s: string): string {
  const named: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  let out = '';
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (named[c]) out += named[c];
    else if (code < 0x20 || c === '<' || c === '>' || c === '&' || c === '=') out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

const fn = (call: (args: GoValue[]) => GoValue, params: TemplateFunction['params'], variadic = false): TemplateFunction => ({ call, params, variadic });

export const BUILTINS: ReadonlyMap<string, TemplateFunction> = new Map<string, TemplateFunction>([
  ['and', { call: () => undefined, lazy: (args) => { let v: GoValue = undefined; for (const a of args) { v = a(); if (!truth(v)) return v; } return v; } }],
  ['or', { call: () => undefined, lazy: (args) => { let v: GoValue = undefined; for (const a of args) { v = a(); if (truth(v)) return v; } return v; } }],
  ['not', fn(([a]) => !truth(a), ['any'])],
  ['len', fn(([a]) => length(a), ['any'])],
  ['index', fn(([item, ...keys]) => index(item, keys), ['any', 'any'], true)],
  ['slice', fn(([item, ...idx]) => {
    const n = idx.map((i) => num(i) ?? 0);
    if (typeof item === 'string') return new TextDecoder().decode(utf8.encode(item).slice(n[0] ?? 0, n[1]));
    if (isList(item)) return item.slice(n[0] ?? 0, n[1]);
    throw new CallError(`can't slice item of type ${typeOf(item)}`);
  }, ['any', 'any'], true)],
  ['print', fn((args) => sprint(args), ['any', 'any'], true)],
  ['println', fn((args) => `${args.map(printValue).join(' ')}\n`, ['any', 'any'], true)],
  ['printf', fn(([format, ...args]) => sprintf(String(format), args), ['string', 'any'], true)],
  ['eq', fn(([a, ...rest]) => {
    if (rest.length === 0) throw new CallError('missing argument for comparison');
    return rest.some((b) => equal(a, b));
  }, ['any', 'any'], true)],
  ['ne', fn(([a, b]) => !equal(a, b), ['any', 'any'])],
  ['lt', fn(([a, b]) => less(a, b), ['any', 'any'])],
  ['le', fn(([a, b]) => less(a, b) || equal(a, b), ['any', 'any'])],
  ['gt', fn(([a, b]) => !less(a, b) && !equal(a, b), ['any', 'any'])],
  ['ge', fn(([a, b]) => !less(a, b), ['any', 'any'])],
  ['html', fn((args) => htmlEscape(sprint(args)), ['any', 'any'], true)],
  ['js', fn((args) => jsEscape(sprint(args)), ['any', 'any'], true)],
  ['urlquery', fn((args) => encodeURIComponent(sprint(args)).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`), ['any', 'any'], true)],
  // The docker CLI's functions.
  ['json', fn(([v]) => marshal(v), ['any'])],
  ['split', fn(([s, sep]) => String(s).split(String(sep)), ['string', 'string'])],
  ['join', fn(([elems, sep]) => {
    if (elems === null || elems === undefined) return '';
    if (isList(elems)) return elems.map(printValue).join(String(sep));
    throw new CallError(`expected slice or array, got ${typeOf(elems)}`);
  }, ['any', 'string'])],
  ['title', fn(([s]) => title(String(s)), ['string'])],
  ['lower', fn(([s]) => String(s).toLowerCase(), ['string'])],
  ['upper', fn(([s]) => String(s).toUpperCase(), ['string'])],
  ['pad', fn(([s, prefix, suffix]) => (s === '' ? '' : `${' '.repeat(Math.max(0, Number(prefix)))}${String(s)}${' '.repeat(Math.max(0, Number(suffix)))}`), ['string', 'int', 'int'])],
  ['truncate', fn(([s, length]) => {
    const bytes = utf8.encode(String(s));
    return bytes.length < Number(length) ? String(s) : new TextDecoder().decode(bytes.slice(0, Number(length)));
  }, ['string', 'int'])],
]);

export { goQuote, isStruct };
