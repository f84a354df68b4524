/**
 * daemon.json as text: parse with the error's line and column (JSON.parse's messages differ between Node
 * versions and do not always give a position, so a small scanner finds it), and write it back.
 */
import type { ParseProblem } from '../../../shared/registry-mirrors';

export type ParsedConfig = { ok: true; value: Record<string, unknown> } | { ok: false; problem: ParseProblem };

class ScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** A character as the message names it: printable ones in quotes, others as JSON escapes. */
function shown(ch: string): string {
  return ch.charCodeAt(0) < 0x20 ? JSON.stringify(ch) : ch === "'" ? `"'"` : `'${ch}'`;
}

/** Walks the text as JSON (RFC 8259) and throws ScanError at the first offending character. */
function scan(text: string): void {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const fail = (what: string): never => {
    throw new ScanError(i, i >= text.length ? `unexpected end of input, expected ${what}` : `unexpected ${shown(text[i] ?? '')}, expected ${what}`);
  };
  const string = (): void => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('a closing quote');
      if (text[i] === '\\') {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('four hex digits');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('an escape sequence');
      }
      i += 1;
    }
    if (i >= text.length) fail('a closing quote');
    i += 1;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a quoted key');
        string();
        ws();
        if (text[i] !== ':') fail("':'");
        i += 1;
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail("',' or '}'");
      }
    }
    if (c === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail("',' or ']'");
      }
    }
    if (c === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400))?.[0];
    if (literal === undefined) fail('a value');
    i += literal?.length ?? 0;
  };
  value();
  ws();
  if (i < text.length) fail('the end of the file');
}

/** 1-based line and column of a character offset (columns count characters). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** An empty (or blank) file is no configuration, as dockerd treats it; the top level must be an object. */
export function parseDaemonJson(text: string): ParsedConfig {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { ok: true, value: {} };
  try {
    scan(content);
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { ok: false, problem: { message: error.message, ...lineColumn(content, error.offset) } };
  }
  const value: unknown = JSON.parse(content);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: { message: 'the top level must be an object ({ … })', line: 1, column: content.length - content.trimStart().length + 1 } };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** How Wharf writes the file: 2-space indentation and a final newline. */
export function serializeDaemonJson(config: Record<string, unknown>): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
