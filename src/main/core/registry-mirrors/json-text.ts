/**
 * daemon.json as text: parse with the error's line and column (JSON.parse's messages differ between Node
 * versions and do not always give a position, so a small scanner finds it), and where each top-level member's key
 * and value sit in the text, so an edit can change one value's bytes and leave every other byte as it was.
 */
import type { ParseProblem } from '../../../shared/registry-mirrors';

/** One top-level member: its key as JSON decodes it, and offsets into the original text (end exclusive). */
export interface MemberSpan {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** The top-level object's braces and members (offsets into the original text, a byte-order mark included). */
export interface ObjectLayout {
  open: number;
  close: number;
  members: MemberSpan[];
}

export type ParsedConfig =
  | { ok: true; value: Record<string, unknown>; layout?: ObjectLayout }
  | { ok: false; problem: ParseProblem };

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

/**
 * Walks the text as JSON (RFC 8259) from `start`, throws ScanError at the first offending character, and answers
 * the top-level object's layout (undefined when the top level is not an object).
 */
function scan(text: string, start: number): ObjectLayout | undefined {
  let i = start;
  let depth = 0;
  let layout: ObjectLayout | undefined;
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
      const top = depth === 0 ? { open: i, close: -1, members: [] as MemberSpan[] } : undefined;
      depth += 1;
      i += 1;
      ws();
      if (text[i] !== '}') {
        for (;;) {
          ws();
          if (text[i] !== '"') fail('a quoted key');
          const keyStart = i;
          string();
          const keyEnd = i;
          ws();
          if (text[i] !== ':') fail("':'");
          i += 1;
          ws();
          const valueStart = i;
          value();
          top?.members.push({ key: JSON.parse(text.slice(keyStart, keyEnd)) as string, keyStart, keyEnd, valueStart, valueEnd: i });
          ws();
          if (text[i] === ',') i += 1;
          else if (text[i] === '}') break;
          else fail("',' or '}'");
        }
      }
      if (top) {
        top.close = i;
        layout = top;
      }
      i += 1;
      depth -= 1;
      return;
    }
    if (c === '[') {
      depth += 1;
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        depth -= 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          depth -= 1;
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
  return layout;
}

/** 1-based line and column of a character offset (columns count characters). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/**
 * An empty (or blank) file is no configuration, as dockerd treats it; the top level must be an object. `value` is
 * for reading keys only (JSON.parse rounds big numbers): edits work on the text through `layout`.
 */
export function parseDaemonJson(text: string): ParsedConfig {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const content = text.slice(bom);
  if (content.trim() === '') return { ok: true, value: {} };
  let layout: ObjectLayout | undefined;
  try {
    layout = scan(text, bom);
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { ok: false, problem: { message: error.message, ...lineColumn(content, error.offset - bom) } };
  }
  const value: unknown = JSON.parse(content);
  if (layout === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: { message: 'the top level must be an object ({ … })', line: 1, column: content.length - content.trimStart().length + 1 } };
  }
  return { ok: true, value: value as Record<string, unknown>, layout };
}

/**
 * The file's bytes as text, or where they stop being UTF-8: an edit writes text back as UTF-8, so a file that is
 * not would change in bytes Wharf did not mean to touch — it is refused like a file that does not parse.
 */
export function decodeDaemonJson(bytes: Buffer): { text: string; problem?: ParseProblem } {
  const text = bytes.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(bytes)) return { text };
  // The first replacement character that does not stand for the bytes EF BF BD is where decoding failed.
  let bad = text.indexOf('\uFFFD');
  while (bad >= 0 && bytes.subarray(Buffer.byteLength(text.slice(0, bad)), Buffer.byteLength(text.slice(0, bad)) + 3).equals(Buffer.from([0xef, 0xbf, 0xbd]))) {
    bad = text.indexOf('\uFFFD', bad + 1);
  }
  return { text, problem: { message: 'the file is not UTF-8 text', ...lineColumn(text, Math.max(bad, 0)) } };
}

/** How Wharf writes a new file: 2-space indentation and a final newline. */
export function serializeDaemonJson(config: Record<string, unknown>): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
