/** text/template's lexer: text, and inside {{ }} the tokens of actions, with trim markers and comments. */

export type TokenType =
  | 'text'
  | 'left'
  | 'right'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'space'
  | 'eof';

export interface Token {
  type: TokenType;
  text: string;
  /** Byte offset in the template (Go's Pos). */
  pos: number;
  line: number;
}

export class TemplateError extends Error {}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);
const SPACE = /[ \t\r\n]/;

/** Byte offset of a UTF-16 index: Go positions count UTF-8 bytes. */
function bytesBefore(text: string, index: number): number {
  return new TextEncoder().encode(text.slice(0, index)).length;
}

export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const push = (type: TokenType, start: number, end: number): void => {
    tokens.push({ type, text: input.slice(start, end), pos: bytesBefore(input, start), line });
    for (let k = start; k < end; k++) if (input[k] === '\n') line++;
  };
  const fail = (message: string): never => {
    throw new TemplateError(`template: :${line}: ${message}`);
  };

  while (i < input.length) {
    const open = input.indexOf('{{', i);
    if (open === -1) {
      push('text', i, input.length);
      i = input.length;
      break;
    }
    let textEnd = open;
    const trimLeft = input.startsWith('{{- ', open) || input.startsWith('{{-\t', open) || input.startsWith('{{-\n', open) || input.startsWith('{{-\r', open);
    if (trimLeft) while (textEnd > i && SPACE.test(input[textEnd - 1] ?? '')) textEnd--;
    if (textEnd > i) push('text', i, textEnd);
    for (let k = textEnd; k < open; k++) if (input[k] === '\n') line++;
    let p = open + 2 + (trimLeft ? 2 : 0);
    // A comment is the whole action.
    const afterSpace = input.slice(p);
    if (afterSpace.startsWith('/*')) {
      const close = input.indexOf('*/', p + 2);
      if (close === -1) fail('unclosed comment');
      for (let k = open; k < close; k++) if (input[k] === '\n') line++;
      p = close + 2;
      const trimRight = input.startsWith(' -}}', p) || input.startsWith('\t-}}', p) || input.startsWith('\n-}}', p);
      if (!trimRight && !input.startsWith('}}', p)) fail('comment ends before closing delimiter');
      i = p + (trimRight ? 4 : 2);
      if (trimRight) while (i < input.length && SPACE.test(input[i] ?? '')) i++;
      continue;
    }
    push('left', open, open + 2);
    // The action's tokens, up to "}}" (or " -}}").
    for (;;) {
      if (p >= input.length) fail('unclosed action');
      const ch = input[p] ?? '';
      if (SPACE.test(ch)) {
        const start = p;
        while (p < input.length && SPACE.test(input[p] ?? '')) p++;
        if (input.startsWith('-}}', p)) {
          push('right', p, p + 3);
          p += 3;
          while (p < input.length && SPACE.test(input[p] ?? '')) p++;
          break;
        }
        if (input.slice(start, p).includes('\n')) {
          // Newlines are allowed inside actions (Go 1.16+): they are spaces.
        }
        push('space', start, p);
        continue;
      }
      if (input.startsWith('}}', p)) {
        push('right', p, p + 2);
        p += 2;
        break;
      }
      if (ch === '}') fail('unexpected "}" in operand');
      const start = p;
      if (ch === '|') push('pipe', p, ++p);
      else if (ch === '(') push('leftParen', p, ++p);
      else if (ch === ')') push('rightParen', p, ++p);
      else if (ch === ',') push('comma', p, ++p);
      else if (ch === ':') {
        if (input[p + 1] !== '=') fail('expected :=');
        p += 2;
        push('declare', start, p);
      } else if (ch === '=') push('assign', p, ++p);
      else if (ch === '"') {
        p++;
        while (p < input.length && input[p] !== '"') {
          if (input[p] === '\\') p++;
          if (input[p] === '\n' || p >= input.length) fail('unterminated quoted string');
          p++;
        }
        if (p >= input.length) fail('unterminated quoted string');
        push('string', start, ++p);
      } else if (ch === '`') {
        const close = input.indexOf('`', p + 1);
        if (close === -1) fail('unterminated raw quoted string');
        p = close + 1;
        push('rawString', start, p);
      } else if (ch === "'") {
        p++;
        while (p < input.length && input[p] !== "'") {
          if (input[p] === '\\') p++;
          p++;
        }
        if (p >= input.length) fail('unterminated character constant');
        push('char', start, ++p);
      } else if (ch === '$') {
        p++;
        while (p < input.length && /[\p{L}\p{N}_]/u.test(input[p] ?? '')) p++;
        push('variable', start, p);
      } else if (ch === '.') {
        if (/[0-9]/.test(input[p + 1] ?? '')) {
          p = scanNumber(input, p);
          push('number', start, p);
        } else {
          p++;
          while (p < input.length && /[\p{L}\p{N}_]/u.test(input[p] ?? '')) p++;
          push(p - start === 1 ? 'dot' : 'field', start, p);
        }
      } else if (/[0-9+-]/.test(ch)) {
        p = scanNumber(input, p);
        if (p === start) fail(`bad character ${JSON.stringify(ch)}`);
        push('number', start, p);
      } else if (/[\p{L}_]/u.test(ch)) {
        while (p < input.length && /[\p{L}\p{N}_]/u.test(input[p] ?? '')) p++;
        const word = input.slice(start, p);
        push(KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier', start, p);
      } else fail(`unrecognized character in action: ${JSON.stringify(ch)}`);
    }
    i = p;
  }
  tokens.push({ type: 'eof', text: '', pos: bytesBefore(input, input.length), line });
  return tokens;
}

function scanNumber(input: string, from: number): number {
  const m = /^[+-]?(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9]+)?)(?:i)?/.exec(input.slice(from));
  return from + (m?.[0].length ?? 0);
}
