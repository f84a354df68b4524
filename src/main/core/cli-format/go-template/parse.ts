/** text/template's parser for the CLI's templates: actions, pipelines, if / range / with, variables. */
import { TemplateError, lex, type Token } from './lex';

export type Arg =
  | { type: 'field'; pos: number; names: string[] }
  | { type: 'variable'; pos: number; name: string; names: string[] }
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'dot'; pos: number }
  | { type: 'string'; pos: number; text: string; value: string }
  | { type: 'number'; pos: number; text: string; value: number; float: boolean }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'nil'; pos: number }
  | { type: 'pipe'; pos: number; pipe: Pipe }
  | { type: 'chain'; pos: number; node: Arg; names: string[] };

export interface Command {
  pos: number;
  args: Arg[];
}

export interface Pipe {
  pos: number;
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
}

export type Node =
  | { type: 'text'; text: string }
  | { type: 'action'; pos: number; pipe: Pipe }
  | { type: 'if' | 'with' | 'range'; pos: number; pipe: Pipe; list: Node[]; elseList: Node[] | null }
  | { type: 'break' | 'continue'; pos: number };

export interface Template {
  source: string;
  nodes: Node[];
}

export type Functions = ReadonlySet<string>;

class Parser {
  private i = 0;
  private vars: string[][] = [['$']];
  private rangeDepth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly functions: Functions,
  ) {}

  private peek(): Token {
    return this.tokens[this.i] ?? { type: 'eof', text: '', pos: 0, line: 1 };
  }

  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }

  private nextNonSpace(): Token {
    let t = this.next();
    while (t.type === 'space') t = this.next();
    return t;
  }

  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.i--;
    return t;
  }

  fail(message: string, token?: Token): never {
    throw new TemplateError(`template: :${(token ?? this.tokens[Math.max(0, this.i - 1)] ?? this.peek()).line}: ${message}`);
  }

  /** The whole template: a list until EOF. */
  parse(): Node[] {
    const { list, end } = this.list();
    if (end !== 'eof') this.fail(`unexpected {{${end}}}`);
    return list;
  }

  /** Nodes until {{end}}, {{else}} or EOF; which one stopped it. */
  private list(): { list: Node[]; end: 'eof' | 'end' | 'else'; elseToken?: Token } {
    const list: Node[] = [];
    for (;;) {
      const t = this.next();
      if (t.type === 'eof') return { list, end: 'eof' };
      if (t.type === 'text') {
        list.push({ type: 'text', text: t.text });
        continue;
      }
      // t is '{{'
      const word = this.peekNonSpace();
      if (word.type === 'keyword') {
        this.nextNonSpace();
        switch (word.text) {
          case 'end':
            this.expectRight('end');
            return { list, end: 'end' };
          case 'else':
            return { list, end: 'else', elseToken: word };
          case 'if':
          case 'with':
          case 'range':
            list.push(this.control(word));
            continue;
          case 'break':
          case 'continue':
            if (this.rangeDepth === 0) this.fail(`{{${word.text}}} outside {{range}}`, word);
            this.expectRight(word.text);
            list.push({ type: word.text, pos: word.pos });
            continue;
          default:
            this.fail(`unexpected "${word.text}" in command`, word);
        }
      }
      list.push({ type: 'action', pos: word.pos, pipe: this.pipeline('command', 'right') });
    }
  }

  private expectRight(context: string): void {
    const t = this.nextNonSpace();
    if (t.type !== 'right') this.fail(`unexpected ${describe(t)} in ${context}`, t);
  }

  private control(word: Token): Node {
    const type = word.text as 'if' | 'with' | 'range';
    this.vars.push([]);
    const pipe = this.pipeline(type, 'right');
    if (type === 'range') this.rangeDepth++;
    const body = this.list();
    if (type === 'range') this.rangeDepth--;
    let elseList: Node[] | null = null;
    if (body.end === 'eof') this.fail('unexpected EOF');
    if (body.end === 'else') {
      // {{else if …}} / {{else with …}}: a nested control that shares this one's {{end}}.
      const after = this.peekNonSpace();
      if ((type === 'if' || type === 'with') && after.type === 'keyword' && after.text === type) {
        this.nextNonSpace();
        elseList = [this.control(after)];
      } else {
        this.expectRight('else');
        const rest = this.list();
        if (rest.end !== 'end') this.fail(rest.end === 'eof' ? 'unexpected EOF' : 'expected end; found {{else}}');
        elseList = rest.list;
      }
    }
    this.vars.pop();
    return { type, pos: pipe.pos, pipe, list: body.list, elseList };
  }

  private pipeline(context: string, end: 'right' | 'rightParen'): Pipe {
    const decl: string[] = [];
    let isAssign = false;
    const start = this.peekNonSpace();
    // Declarations: $x := / $x = / $i, $e :=
    if (start.type === 'variable') {
      const save = this.i;
      const v = this.nextNonSpace();
      const op = this.peekNonSpace();
      if (op.type === 'declare' || op.type === 'assign' || (op.type === 'comma' && context === 'range')) {
        this.nextNonSpace();
        decl.push(v.text);
        if (op.type === 'comma') {
          const v2 = this.nextNonSpace();
          if (v2.type !== 'variable') this.fail(`range can only initialize variables`, v2);
          const op2 = this.nextNonSpace();
          if (op2.type !== 'declare' && op2.type !== 'assign') this.fail(`unexpected ${describe(op2)} in range`, op2);
          decl.push(v2.text);
          isAssign = op2.type === 'assign';
        } else isAssign = op.type === 'assign';
        for (const name of decl) {
          if (isAssign) this.checkVariable(name, v);
          else this.vars.at(-1)?.push(name);
        }
      } else this.i = save;
    }
    const cmds: Command[] = [];
    for (;;) {
      const t = this.peekNonSpace();
      if ((end === 'right' && t.type === 'right') || (end === 'rightParen' && t.type === 'rightParen')) {
        this.nextNonSpace();
        if (cmds.length === 0) this.fail(`missing value for ${context}`, t);
        return { pos: start.pos, decl, isAssign, cmds };
      }
      if (t.type === 'eof') this.fail('unclosed action', t);
      cmds.push(this.command(context, end));
    }
  }

  private command(context: string, end: 'right' | 'rightParen'): Command {
    const first = this.peekNonSpace();
    const args: Arg[] = [];
    for (;;) {
      const t = this.peekNonSpace();
      if (t.type === 'right' || t.type === 'rightParen' || t.type === 'eof') break;
      if (t.type === 'pipe') {
        this.nextNonSpace();
        if (args.length === 0) this.fail('missing command', t);
        return { pos: first.pos, args };
      }
      args.push(this.operand());
      // Operands are separated by spaces; anything else right after one is an error.
      const after = this.peek();
      if (after.type !== 'space' && after.type !== 'right' && after.type !== 'rightParen' && after.type !== 'pipe') this.fail(`unexpected ${describe(after)} in operand`, after);
    }
    if (end === 'right' && this.peekNonSpace().type === 'rightParen') this.fail('unexpected right paren', this.peekNonSpace());
    if (args.length === 0) this.fail(`missing value for ${context}`);
    return { pos: first.pos, args };
  }

  private operand(): Arg {
    const t = this.nextNonSpace();
    let node: Arg;
    switch (t.type) {
      case 'field': {
        // Go makes .A.B a chain whose position is that of its second field.
        const names = [t.text.slice(1)];
        const chainPos = this.peek().type === 'field' ? this.peek().pos : t.pos;
        while (this.peek().type === 'field') names.push(this.next().text.slice(1));
        return { type: 'field', pos: chainPos, names };
      }
      case 'variable':
        this.checkVariable(t.text, t);
        node = { type: 'variable', pos: t.pos, name: t.text, names: [] };
        break;
      case 'identifier':
        if (!this.functions.has(t.text)) this.fail(`function "${t.text}" not defined`, t);
        return { type: 'identifier', pos: t.pos, name: t.text };
      case 'dot':
        node = { type: 'dot', pos: t.pos };
        break;
      case 'string':
        return { type: 'string', pos: t.pos, text: t.text, value: unquote(t.text, () => this.fail(`bad quoted string: ${t.text}`, t)) };
      case 'rawString':
        return { type: 'string', pos: t.pos, text: t.text, value: t.text.slice(1, -1).replace(/\r/g, '') };
      case 'char': {
        const value = unquote(`"${t.text.slice(1, -1)}"`, () => this.fail(`malformed character constant: ${t.text}`, t));
        return { type: 'number', pos: t.pos, text: t.text, value: value.codePointAt(0) ?? 0, float: false };
      }
      case 'number':
        return numberArg(t, (m) => this.fail(m, t));
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.text === 'true' };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'leftParen':
        {
          const pipe = this.pipeline('parenthesized pipeline', 'rightParen');
          node = { type: 'pipe', pos: pipe.pos, pipe };
        }
        break;
      default:
        return this.fail(`unexpected ${describe(t)} in operand`, t);
    }
    // A chain: $x.Field, (pipeline).Field
    const names: string[] = [];
    const chainPos = this.peek().pos;
    while (this.peek().type === 'field') names.push(this.next().text.slice(1));
    if (names.length === 0) return node;
    if (node.type === 'variable') return { ...node, pos: chainPos, names };
    if (node.type === 'dot') return { type: 'field', pos: chainPos, names };
    return { type: 'chain', pos: chainPos, node, names };
  }

  private checkVariable(name: string, t: Token): void {
    if (!this.vars.some((scope) => scope.includes(name))) this.fail(`undefined variable "${name}"`, t);
  }
}

function describe(t: Token): string {
  if (t.type === 'right') return `"}}"`;
  if (t.type === 'eof') return 'EOF';
  if (t.type === 'rightParen') return '")"';
  return `"${t.text}"`;
}

function numberArg(t: Token, fail: (m: string) => never): Arg {
  const clean = t.text.replace(/_/g, '');
  const float = /[.eE]/.test(clean) && !/^[+-]?0[xX]/.test(clean);
  const value = /^[+-]?0[bBoO]/.test(clean) ? Number(clean.replace(/^([+-]?)0([bBoO])/, (_m, s: string, b: string) => `${s}0${b.toLowerCase()}`)) : Number(clean);
  if (!Number.isFinite(value)) fail(`illegal number syntax: "${t.text}"`);
  return { type: 'number', pos: t.pos, text: t.text, value, float };
}

/** strconv.Unquote of a Go double-quoted string. */
function unquote(text: string, fail: () => never): string {
  const body = text.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++i] ?? '';
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (e in simple) out += simple[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) fail();
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) fail();
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else fail();
  }
  return out;
}

export function parseTemplate(source: string, functions: Functions): Template {
  return { source, nodes: new Parser(lex(source), functions).parse() };
}
