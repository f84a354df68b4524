/** Go's fmt.Sprint and fmt.Sprintf for the verbs templates use, with fmt's own marks for bad verbs and arguments. */
import { formatFloat, isFloat, printValue, typeOf, type GoValue } from './values';

/** fmt.Sprint: a space between operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += printValue(a);
  });
  return out;
}

/** strconv.Quote: printable characters as they are, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
    if (named[ch]) out += named[ch];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) out += ch;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  zero: boolean;
  space: boolean;
  sharp: boolean;
  width: number | null;
  precision: number | null;
}

function pad(text: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  const len = [...text].length;
  if (len >= width) return text;
  if (spec.minus) return text + ' '.repeat(width - len);
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(text) ? (text[0] ?? '') : '';
    return sign + '0'.repeat(width - len) + text.slice(sign.length);
  }
  return ' '.repeat(width - len) + text;
}

function bad(verb: string, arg: GoValue): string {
  return `%!${verb}(${typeOf(arg)}=${printValue(arg)})`;
}

function formatOne(verb: string, arg: GoValue, spec: Spec): string {
  const n = typeof arg === 'number' ? arg : null;
  const f = isFloat(arg) ? arg.value : null;
  const signed = (s: string, v: number): string => (v >= 0 && spec.plus ? `+${s}` : v >= 0 && spec.space ? ` ${s}` : s);
  switch (verb) {
    case 'v':
      return pad(spec.sharp && typeof arg === 'string' ? goQuote(arg) : printValue(arg), spec, false);
    case 's':
      if (typeof arg !== 'string') return typeof arg === 'number' || typeof arg === 'boolean' || isFloat(arg) ? bad(verb, arg) : pad(printValue(arg), spec, false);
      return pad(spec.precision !== null ? [...arg].slice(0, spec.precision).join('') : arg, spec, false);
    case 'q':
      if (typeof arg === 'string') return pad(goQuote(arg), spec, false);
      if (n !== null) return pad(`'${String.fromCodePoint(n)}'`, spec, false);
      return bad(verb, arg);
    case 'd':
      return n !== null ? pad(signed(String(n), n), spec, true) : bad(verb, arg);
    case 'c':
      return n !== null ? pad(String.fromCodePoint(n), spec, false) : bad(verb, arg);
    case 'x':
    case 'X': {
      let text: string | null = null;
      if (n !== null) text = (n < 0 ? '-' : '') + Math.abs(n).toString(16);
      else if (typeof arg === 'string') text = [...new TextEncoder().encode(arg)].map((b) => b.toString(16).padStart(2, '0')).join('');
      if (text === null) return bad(verb, arg);
      return pad(verb === 'X' ? text.toUpperCase() : text, spec, n !== null);
    }
    case 't':
      return typeof arg === 'boolean' ? pad(String(arg), spec, false) : bad(verb, arg);
    case 'f':
    case 'F':
    case 'e':
    case 'g': {
      const v = f ?? null;
      if (v === null) return bad(verb, arg);
      const p = spec.precision;
      const text = verb === 'e' ? goExp(v, p ?? 6) : verb === 'g' ? (p === null ? formatFloat(v) : Number(v.toPrecision(p)).toString()) : v.toFixed(p ?? 6);
      return pad(signed(text, v), spec, true);
    }
    default:
      return `%!${verb}(${typeOf(arg)}=${printValue(arg)})`;
  }
}

function goExp(v: number, precision: number): string {
  const [m, e] = v.toExponential(precision).split('e');
  const n = Number(e);
  return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

/** fmt.Sprintf for %v %s %q %d %c %x %X %t %f %e %g and %%, with flags, width and precision. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const spec: Spec = { minus: false, plus: false, zero: false, space: false, sharp: false, width: null, precision: null };
    i++;
    for (; i < format.length; i++) {
      const c = format[i];
      if (c === '-') spec.minus = true;
      else if (c === '+') spec.plus = true;
      else if (c === '0') spec.zero = true;
      else if (c === ' ') spec.space = true;
      else if (c === '#') spec.sharp = true;
      else break;
    }
    const width = /^\d+/.exec(format.slice(i));
    if (width) {
      spec.width = Number(width[0]);
      i += width[0].length;
    }
    if (format[i] === '.') {
      const prec = /^\d*/.exec(format.slice(i + 1))?.[0] ?? '';
      spec.precision = Number(prec || '0');
      i += 1 + prec.length;
    }
    const verb = format[i];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (next >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(verb, args[next++], spec);
  }
  if (next < args.length) out += `%!(EXTRA ${args.slice(next).map((a) => `${typeOf(a)}=${printValue(a)}`).join(', ')})`;
  return out;
}
