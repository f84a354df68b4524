/** text/template's execution of a parsed template over GoValues, with Go's error texts. */
import type { Arg, Command, Node, Pipe, Template } from './parse';
import { isList, isMap, isStruct, printValue, truth, type GoFunction, type GoValue } from './values';

/** A template function: `args` are evaluated lazily only for and/or (Go's short-circuit). */
export interface TemplateFunction {
  call(args: GoValue[]): GoValue;
  /** Go's parameter types, checked before the call ("wrong type for value; expected string; got int"). */
  params?: ReadonlyArray<'string' | 'int' | 'any'>;
  variadic?: boolean;
  lazy?: (args: Array<() => GoValue>) => GoValue;
}

/** A failure of the function itself: "error calling NAME: MESSAGE". */
export class CallError extends Error {}

class ExecError extends Error {}
class Break {}
class Continue {}

export interface ExecOptions {
  functions: ReadonlyMap<string, TemplateFunction>;
}

interface Scope {
  vars: Array<[string, GoValue]>;
}

export function execute(template: Template, data: GoValue, options: ExecOptions): { text: string; error: string | null } {
  const st = new State(template, data, options.functions);
  try {
    st.walkList(template.nodes, data);
    return { text: st.out, error: null };
  } catch (e) {
    if (e instanceof ExecError) return { text: st.out, error: e.message };
    throw e;
  }
}

class State {
  out = '';
  private scope: Scope = { vars: [] };
  /** The node errors are reported at: its position and its text. */
  private at: { pos: number; text: string } = { pos: 0, text: '' };

  constructor(
    private readonly template: Template,
    root: GoValue,
    private readonly functions: ReadonlyMap<string, TemplateFunction>,
  ) {
    this.scope.vars.push(['$', root]);
  }

  private fail(message: string): never {
    const bytes = new TextEncoder().encode(this.template.source);
    const before = new TextDecoder().decode(bytes.slice(0, this.at.pos));
    const lastNl = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = lastNl === -1 ? this.at.pos : this.at.pos - new TextEncoder().encode(before.slice(0, lastNl + 1)).length;
    throw new ExecError(`template: :${line}:${col}: executing "" at <${this.at.text}>: ${message}`);
  }

  private mark(pos: number, text: string): void {
    this.at = { pos, text };
  }

  walkList(nodes: readonly Node[], dot: GoValue): void {
    for (const node of nodes) this.walk(node, dot);
  }

  private withScope(fn: () => void): void {
    const mark = this.scope.vars.length;
    try {
      fn();
    } finally {
      this.scope.vars.length = mark;
    }
  }

  private walk(node: Node, dot: GoValue): void {
    switch (node.type) {
      case 'text':
        this.out += node.text;
        return;
      case 'action': {
        const v = this.evalPipe(node.pipe, dot);
        if (node.pipe.decl.length === 0) this.out += printValue(v);
        return;
      }
      case 'if':
      case 'with':
        this.withScope(() => {
          const v = this.evalPipe(node.pipe, dot);
          if (truth(v)) this.walkList(node.list, node.type === 'with' ? v : dot);
          else if (node.elseList) this.walkList(node.elseList, dot);
        });
        return;
      case 'range':
        this.withScope(() => this.walkRange(node, dot));
        return;
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
    }
  }

  private walkRange(node: Extract<Node, { pipe: Pipe; list: Node[] }>, dot: GoValue): void {
    const v = this.evalPipe(node.pipe, dot, true);
    let items: Array<[GoValue, GoValue]>;
    if (isList(v)) items = v.map((x, i) => [i, x]);
    else if (isMap(v)) items = [...v.entries.keys()].sort().map((k) => [k, v.entries.get(k)]);
    else if (typeof v === 'number') items = Array.from({ length: Math.max(0, v) }, (_, i) => [i, i]);
    else if (v === null || v === undefined) items = [];
    else this.fail(`range can't iterate over ${printValue(v)}`);
    if (items.length === 0) {
      if (node.elseList) this.walkList(node.elseList, dot);
      return;
    }
    const mark = this.scope.vars.length;
    for (const [key, value] of items) {
      this.scope.vars.length = mark;
      const [first, second] = node.pipe.decl;
      if (first !== undefined) this.setVar(first, second !== undefined ? key : value, node.pipe.isAssign);
      if (second !== undefined) this.setVar(second, value, node.pipe.isAssign);
      try {
        this.walkList(node.list, value);
      } catch (e) {
        if (e instanceof Break) break;
        if (!(e instanceof Continue)) throw e;
      }
    }
  }

  private setVar(name: string, value: GoValue, assign: boolean): void {
    if (assign) {
      for (let i = this.scope.vars.length - 1; i >= 0; i--) {
        const entry = this.scope.vars[i];
        if (entry && entry[0] === name) {
          entry[1] = value;
          return;
        }
      }
    }
    this.scope.vars.push([name, value]);
  }

  private variable(name: string): GoValue {
    for (let i = this.scope.vars.length - 1; i >= 0; i--) {
      const entry = this.scope.vars[i];
      if (entry && entry[0] === name) return entry[1];
    }
    return this.fail(`undefined variable: ${name}`);
  }

  /** A pipeline; `range` declarations are bound by the range itself. */
  private evalPipe(pipe: Pipe, dot: GoValue, forRange = false): GoValue {
    let value: GoValue = undefined;
    let first = true;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(cmd, dot, first ? NO_FINAL : value);
      first = false;
    }
    if (!forRange) for (const name of pipe.decl) this.setVar(name, value, pipe.isAssign);
    return value;
  }

  private evalCommand(cmd: Command, dot: GoValue, final: GoValue | typeof NO_FINAL): GoValue {
    const [head, ...rest] = cmd.args;
    if (!head) return undefined;
    switch (head.type) {
      case 'field':
        return this.evalFieldChain(dot, dot, head, head.names, rest, final);
      case 'chain': {
        const base = this.evalArg(head.node, dot);
        return this.evalFieldChain(dot, base, head, head.names, rest, final);
      }
      case 'variable': {
        const base = this.variable(head.name);
        if (head.names.length === 0) {
          this.notAFunction(head, rest, final);
          return base;
        }
        return this.evalFieldChain(dot, base, head, head.names, rest, final);
      }
      case 'identifier':
        return this.evalFunction(cmd, head.name, head.pos, rest, dot, final);
      case 'pipe':
        this.notAFunction(head, rest, final);
        return this.evalPipe(head.pipe, dot);
      default:
        this.notAFunction(head, rest, final);
        return this.evalArg(head, dot);
    }
  }

  private notAFunction(head: Arg, rest: Arg[], final: GoValue | typeof NO_FINAL): void {
    if (rest.length > 0 || final !== NO_FINAL) {
      this.mark(head.pos, showArg(head));
      this.fail(`can't give argument to non-function ${showArg(head)}`);
    }
  }

  private evalFieldChain(dot: GoValue, receiver: GoValue, node: Arg, names: readonly string[], args: Arg[], final: GoValue | typeof NO_FINAL): GoValue {
    let value = receiver;
    names.forEach((name, i) => {
      const last = i === names.length - 1;
      value = this.evalField(dot, name, node, last ? args : [], last ? final : NO_FINAL, value);
    });
    return value;
  }

  private evalField(dot: GoValue, name: string, node: Arg, args: Arg[], final: GoValue | typeof NO_FINAL, receiver: GoValue): GoValue {
    this.mark(node.pos, showArg(node));
    const hasArgs = args.length > 0 || final !== NO_FINAL;
    if (receiver === null || receiver === undefined) return this.fail(`nil pointer evaluating ${receiver === null ? 'interface {}' : 'interface {}'}.${name}`);
    if (isStruct(receiver) || isMap(receiver)) {
      const member = isStruct(receiver) ? receiver.members[name] : receiver.methods[name];
      if (typeof member === 'function') return this.callMethod(member, name, node, args, final, dot);
      if (isStruct(receiver)) {
        if (!(name in receiver.members)) this.fail(`can't evaluate field ${name} in type ${receiver.typeName}`);
        if (hasArgs) this.fail(`${name} has arguments but cannot be invoked as function`);
        return member as GoValue;
      }
      if (hasArgs) this.fail(`${name} is not a method but has arguments`);
      return receiver.entries.get(name);
    }
    return this.fail(`can't evaluate field ${name} in type ${typeName(receiver)}`);
  }

  private callMethod(fn: GoFunction, name: string, node: Arg, args: Arg[], final: GoValue | typeof NO_FINAL, dot: GoValue): GoValue {
    const want = fn.length;
    const got = args.length + (final !== NO_FINAL ? 1 : 0);
    if (want !== got) this.fail(`wrong number of args for ${name}: want ${want} got ${got}`);
    const values = args.map((a) => this.evalTyped(a, dot, 'string'));
    if (final !== NO_FINAL) values.push(final);
    return fn(...values);
  }

  private evalFunction(cmd: Command, name: string, pos: number, args: Arg[], dot: GoValue, final: GoValue | typeof NO_FINAL): GoValue {
    this.mark(pos, name);
    const fn = this.functions.get(name);
    if (!fn) return this.fail(`"${name}" is not a defined function`);
    const got = args.length + (final !== NO_FINAL ? 1 : 0);
    if (fn.lazy) {
      if (got < 1) this.fail(`wrong number of args for ${name}: want at least 1 got 0`);
      const thunks = args.map((a) => () => this.evalArg(a, dot));
      if (final !== NO_FINAL) thunks.push(() => final);
      return fn.lazy(thunks);
    }
    const params = fn.params ?? [];
    if (fn.variadic ? got < params.length - 1 : got !== params.length) {
      this.fail(`wrong number of args for ${name}: want ${fn.variadic ? 'at least ' : ''}${fn.variadic ? params.length - 1 : params.length} got ${got}`);
    }
    const values = args.map((a, i) => this.evalTyped(a, dot, params[Math.min(i, params.length - 1)] ?? 'any'));
    if (final !== NO_FINAL) {
      const type = params[Math.min(args.length, params.length - 1)] ?? 'any';
      values.push(this.check(final, type));
    }
    try {
      return fn.call(values);
    } catch (e) {
      if (e instanceof CallError) {
        this.mark(cmd.pos, showCommand(cmd));
        this.fail(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
  }

  private evalTyped(arg: Arg, dot: GoValue, type: 'string' | 'int' | 'any'): GoValue {
    // A constant of the wrong kind is refused before it is evaluated, with Go's "expected …; found …".
    const literal = arg.type === 'number' || arg.type === 'bool' || arg.type === 'string' || arg.type === 'nil';
    if (literal && type !== 'any') {
      this.mark(arg.pos, showArg(arg));
      if (type === 'string' && arg.type !== 'string') this.fail(`expected string; found ${showArg(arg)}`);
      if (type === 'int' && (arg.type !== 'number' || arg.float)) this.fail(`expected integer; found ${showArg(arg)}`);
    }
    // Go marks the argument, then evaluating it may move the mark (the last node evaluated is where errors point).
    this.mark(arg.pos, showArg(arg));
    return this.check(this.evalArg(arg, dot), type);
  }

  private check(v: GoValue, type: 'string' | 'int' | 'any'): GoValue {
    if (type === 'string' && typeof v !== 'string') this.fail(`wrong type for value; expected string; got ${typeName(v)}`);
    if (type === 'int' && typeof v !== 'number') this.fail(`wrong type for value; expected int; got ${typeName(v)}`);
    return v;
  }

  private evalArg(arg: Arg, dot: GoValue): GoValue {
    switch (arg.type) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'bool':
        return arg.value;
      case 'string':
        return arg.value;
      case 'number':
        return arg.float ? { kind: 'float', value: arg.value } : arg.value;
      case 'field':
        return this.evalFieldChain(dot, dot, arg, arg.names, [], NO_FINAL);
      case 'variable':
        return arg.names.length === 0 ? this.variable(arg.name) : this.evalFieldChain(dot, this.variable(arg.name), arg, arg.names, [], NO_FINAL);
      case 'chain':
        return this.evalFieldChain(dot, this.evalArg(arg.node, dot), arg, arg.names, [], NO_FINAL);
      case 'pipe':
        return this.evalPipe(arg.pipe, dot);
      case 'identifier':
        return this.evalFunction({ pos: arg.pos, args: [arg] }, arg.name, arg.pos, [], dot, NO_FINAL);
    }
  }
}

const NO_FINAL = Symbol('no final argument');

function typeName(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (isList(v)) return '[]string';
  if (isMap(v)) return 'map[string]string';
  if (isStruct(v)) return v.typeName;
  return 'float64';
}

export function showArg(arg: Arg): string {
  switch (arg.type) {
    case 'field':
      return `.${arg.names.join('.')}`;
    case 'variable':
      return [arg.name, ...arg.names].join('.');
    case 'identifier':
      return arg.name;
    case 'dot':
      return '.';
    case 'string':
    case 'number':
      return arg.text;
    case 'bool':
      return String(arg.value);
    case 'nil':
      return 'nil';
    case 'pipe':
      return arg.pipe.cmds.map(showCommand).join(' | ');
    case 'chain':
      return `(${showArg(arg.node)}).${arg.names.join('.')}`;
  }
}

/** A command as Go prints it: a parenthesized pipeline among its arguments keeps its parentheses. */
function showCommand(cmd: Command): string {
  return cmd.args.map((a) => (a.type === 'pipe' ? `(${showArg(a)})` : showArg(a))).join(' ');
}
