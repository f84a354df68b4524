/**
 * fast-check arbitraries for any channel's input, built from the contract's own zod schema: the shape the schema
 * asks for (objects, arrays, enums, numbers in range), with a hostile string in every string field.
 *
 * Every hostile string starts with a fragment that no engine grammar and no registry host accepts, so no generated
 * input can name a real object (the engine must stay unchanged) or a host off this machine (no traffic leaves
 * loopback). Absolute-path fields get a folder the test owns in front, without `..`, so nothing is written elsewhere.
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** Each one alone breaks every name grammar and host parser; URL shapes point only at a closed loopback port. */
export const HOSTILE_PREFIXES = [
  '//',
  '..',
  '%2e%2e/',
  '%2F',
  '\\',
  '?',
  '#',
  '\u0000',
  ' ',
  '\t',
  '\n',
  'ｂｕｓｙｂｏｘ',
  '\u202e',
  '/../',
  '.',
  '-',
  ':',
  '@',
  'http://127.0.0.1:9/',
  'HTTP://127.0.0.1:9//',
  'unix:///',
  '%00',
  '~',
  '$(id)',
  '`id`',
  '__proto__',
];

/** Fragments mixed into the rest of the string. */
const FRAGMENTS = ['//', '/', '..', '.', '%2e', '%2f', '%', '?', '#', '&', '=', '\\', '\u0000', '\r\n', ' ', 'ａ', 'é', '😀', ':', '@', 'sha256:', 'latest', 'busybox', 'a'];

const LONG_TAIL = 'a'.repeat(300);

export function hostileString(options: { forbidDotDot?: boolean } = {}): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...HOSTILE_PREFIXES),
      fc.array(
        fc.oneof(
          { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 4 },
          { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), weight: 3 },
          { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 1 },
        ),
        { maxLength: 6 },
      ),
      fc.boolean(),
    )
    .map(([prefix, parts, long]) => {
      const text = prefix + parts.join('') + (long ? LONG_TAIL : '');
      return options.forbidDotDot ? text.replaceAll('..', '_') : text;
    });
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: CheckDef } }>;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  pattern?: RegExp;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function check(def: Def, name: string): CheckDef | undefined {
  return def.checks?.map((c) => c._zod.def).find((c) => c.check === name);
}

export interface FuzzContext {
  /** Prepended to strings whose schema asks for an absolute path (`^/`). */
  pathRoot: string;
}

/** An arbitrary of inputs with the schema's shape and hostile strings. */
export function inputFor(schema: z.ZodType, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const parts: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(shape)) parts[key] = inputFor(value, ctx);
      // Optional fields are generated as undefined at times; drop them so the object is what a client would send.
      return fc.record(parts).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    case 'optional':
      return fc.option(inputFor(def.innerType as z.ZodType, ctx), { nil: undefined });
    case 'array': {
      const min = Math.max(check(def, 'min_length')?.minimum ?? 0, 1);
      const max = Math.max(min, Math.min(check(def, 'max_length')?.maximum ?? 3, 3));
      return fc.array(inputFor(def.element as z.ZodType, ctx), { minLength: min, maxLength: max });
    }
    case 'record':
      return fc.dictionary(hostileString(), inputFor(def.valueType as z.ZodType, ctx), { minKeys: 1, maxKeys: 3 });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => inputFor(o, ctx)));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'number': {
      const low = check(def, 'greater_than')?.value ?? 0;
      const high = check(def, 'less_than')?.value ?? 1_000_000;
      return fc.oneof(fc.integer({ min: Math.ceil(low), max: Math.floor(high) }), fc.constantFrom(Math.ceil(low), Math.floor(high)));
    }
    case 'string': {
      const pattern = check(def, 'string_format')?.pattern;
      if (pattern && pattern.source.startsWith('^\\/')) {
        return hostileString({ forbidDotDot: true }).map((s) => `${ctx.pathRoot}/${s.replaceAll('\u0000', '')}`);
      }
      return hostileString();
    }
    default:
      throw new Error(`fuzz: no generator for zod type "${def.type}": add one before the contract uses it`);
  }
}
