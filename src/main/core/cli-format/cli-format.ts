/**
 * What the docker CLI does with `--format` (cli/command/formatter/formatter.go, v28): the `table` directive, the
 * `json` key, `\t` / `\n` written as two characters, one template run per row, and a table's header made by
 * running the same template over the column names with the header functions.
 */
import { executeGoTemplate, goMap, parseGoTemplate, type GoValue } from './go-template';
import type { CliFormatFailure, CliFormatText } from '../../../shared/cli-format';
import { WharfError } from '../errors';
import { tabwrite } from './tabwriter';

export type CliFormatAnswer = { ok: true; text: string } | { ok: false; error: string };

const TABLE = 'table';

export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE);
}

/** The channel's answer: the text, or an invalid-input envelope carrying the CLI's message for the format field. */
export function formatAnswer(answer: CliFormatAnswer): CliFormatText {
  if (answer.ok) return { text: answer.text };
  const details: CliFormatFailure = { problems: { format: 'template' }, cliError: answer.error };
  throw new WharfError('invalid-input', answer.error, details);
}

/** Context.preFormat: the template text the CLI parses for a format. */
export function templateText(format: string): string {
  let text = format;
  if (isTableFormat(text)) text = text.slice(TABLE.length);
  else if (text === 'json') text = '{{json .}}';
  return text.replace(/^ +| +$/g, '').replaceAll('\\t', '\t').replaceAll('\\n', '\n');
}

/**
 * templates.HeaderFunctions: in a table's header, json/split/join/title/lower/upper/truncate give the column name
 * back unchanged (pad is kept, so the header lines up with its column).
 */
const HEADER_FUNCTIONS: Record<string, (...args: GoValue[]) => GoValue> = {
  json: (v) => v,
  split: (v) => v,
  join: (v) => v,
  title: (v) => v,
  lower: (v) => v,
  upper: (v) => v,
  truncate: (v) => v,
};

/**
 * SubHeaderContext: the column names by field, and its Label method, which names a label's column after the
 * last dot-separated part of the key with - and _ as spaces.
 */
export function headerContext(headers: Record<string, string>): GoValue {
  return goMap(headers, {
    Label: (name) => {
      const parts = String(name).split('.');
      return (parts.at(-1) ?? '').replace(/[-_]/g, ' ');
    },
  });
}

/** Context.Write: every row through the template, then the table's header and the tabwriter. */
export function renderFormat(format: string, rows: readonly GoValue[], header: GoValue): CliFormatAnswer {
  const parsed = parseGoTemplate(templateText(format));
  if (!parsed.ok) return { ok: false, error: `template parsing error: ${parsed.error}` };
  let body = '';
  for (const row of rows) {
    const run = executeGoTemplate(parsed.template, row);
    if (!run.ok) return { ok: false, error: `template parsing error: ${run.error}` };
    body += `${run.text}\n`;
  }
  if (!isTableFormat(format)) return { ok: true, text: body };
  // The header's errors are ignored, and what it wrote before one is kept.
  const head = executeGoTemplate(parsed.template, header, { functions: HEADER_FUNCTIONS });
  return { ok: true, text: tabwrite(`${head.text}\n${body}`) };
}

/** encoding/json's Marshal of a map[string]any of strings (and nil): keys sorted, <, >, & and U+2028/9 escaped. */
export function marshalStringMap(fields: Record<string, string | null>): string {
  const body = Object.keys(fields)
    .sort()
    .map((k) => `${goJsonString(k)}:${fields[k] === null ? 'null' : goJsonString(fields[k] ?? '')}`)
    .join(',');
  return `{${body}}`;
}

function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
