/**
 * The part of Go's text/template the docker CLI's `--format` uses (actions, pipelines, variables, if / range / with,
 * Go's builtins and the CLI's json, split, join, title, lower, upper, pad, truncate), with Go's error texts.
 */
import { execute, type TemplateFunction } from './exec';
import { BUILTINS } from './functions';
import { TemplateError } from './lex';
import { parseTemplate, type Template } from './parse';
import type { GoFunction, GoValue } from './values';

export { goMap, goStruct, type GoFunction, type GoMap, type GoStruct, type GoValue } from './values';
export { goQuote } from './printf';

export type GoTemplate = Template;
export type ParseResult = { ok: true; template: GoTemplate } | { ok: false; error: string };
export type ExecResult = { ok: true; text: string } | { ok: false; error: string; text: string };

const NAMES = new Set(BUILTINS.keys());

/** template.New("").Funcs(basicFunctions).Parse(text). */
export function parseGoTemplate(text: string): ParseResult {
  try {
    return { ok: true, template: parseTemplate(text, NAMES) };
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, error: e.message };
    throw e;
  }
}

/** tmpl.Execute(out, data); `functions` replaces some of the functions (tmpl.Funcs(HeaderFunctions)). */
export function executeGoTemplate(template: GoTemplate, data: GoValue, options: { functions?: Record<string, GoFunction> } = {}): ExecResult {
  let functions: ReadonlyMap<string, TemplateFunction> = BUILTINS;
  if (options.functions) {
    const replaced = new Map(BUILTINS);
    for (const [name, f] of Object.entries(options.functions)) replaced.set(name, { call: (args) => f(...args), params: Array.from({ length: f.length }, () => 'any' as const) });
    functions = replaced;
  }
  const { text, error } = execute(template, data, { functions });
  return error === null ? { ok: true, text } : { ok: false, error, text };
}
