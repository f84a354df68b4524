/** The values a Go template sees, as the docker CLI's formatter contexts give them, and Go's fmt %v of them. */

export type GoFunction = (...args: GoValue[]) => GoValue;

/** A map (printed map[k:v …], keys sorted); `methods` are the methods its Go type has (SubHeaderContext.Label). */
export interface GoMap {
  readonly kind: 'map';
  readonly entries: ReadonlyMap<string, GoValue>;
  readonly methods: Readonly<Record<string, GoFunction>>;
}

/** A pointer to a struct: fields are values, methods functions (a zero-argument method is called on access). */
export interface GoStruct {
  readonly kind: 'struct';
  /** As Go's errors name it: *formatter.imageContext. */
  readonly typeName: string;
  readonly members: Readonly<Record<string, GoValue | GoFunction>>;
  /** What `json` prints for it (the CLI's contexts marshal themselves): raw JSON text. */
  readonly json?: () => string;
}

/** undefined is Go's "no value" (a missing map key); null is nil. Integers are numbers; `float` marks a float64. */
export type GoValue = string | number | boolean | null | undefined | GoFloat | readonly GoValue[] | GoMap | GoStruct;

export interface GoFloat {
  readonly kind: 'float';
  readonly value: number;
}

export function goMap(entries: Record<string, GoValue> | ReadonlyMap<string, GoValue>, methods: Record<string, GoFunction> = {}): GoMap {
  return { kind: 'map', entries: entries instanceof Map ? entries : new Map(Object.entries(entries)), methods };
}

export function goStruct(typeName: string, members: Record<string, GoValue | GoFunction>, json?: () => string): GoStruct {
  return json ? { kind: 'struct', typeName, members, json } : { kind: 'struct', typeName, members };
}

export function isMap(v: GoValue): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind?: string }).kind === 'map';
}

export function isStruct(v: GoValue): v is GoStruct {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind?: string }).kind === 'struct';
}

export function isFloat(v: GoValue): v is GoFloat {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind?: string }).kind === 'float';
}

export function isList(v: GoValue): v is readonly GoValue[] {
  return Array.isArray(v);
}

/** Go's type name of a value, as errors print it. */
export function typeOf(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (isFloat(v)) return 'float64';
  if (isList(v)) return v.every((x) => typeof x === 'string') ? '[]string' : '[]interface {}';
  if (isMap(v)) return 'map[string]string';
  return v.typeName;
}

/** Go's truth: false, 0, "", nil, empty slices and maps are false. */
export function truth(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (isFloat(v)) return v.value !== 0;
  if (isList(v)) return v.length > 0;
  if (isMap(v)) return v.entries.size > 0;
  return true;
}

/** strconv.FormatFloat(f, 'g', -1, 64) as %v prints a float64: shortest form, exponent from 1e21 / below 1e-4. */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  const exp = f === 0 ? 0 : Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 21) {
    const [mant, e] = f.toExponential().split('e');
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(f);
}

/** fmt's %v. */
export function printValue(v: GoValue): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isFloat(v)) return formatFloat(v.value);
  if (isList(v)) return `[${v.map(inner).join(' ')}]`;
  if (isMap(v)) return `map[${[...v.entries.keys()].sort().map((k) => `${k}:${inner(v.entries.get(k))}`).join(' ')}]`;
  const fields = Object.values(v.members).filter((m) => typeof m !== 'function') as GoValue[];
  return `&{${fields.map(inner).join(' ')}}`;
}

function inner(v: GoValue): string {
  return v === undefined ? '<nil>' : printValue(v);
}
