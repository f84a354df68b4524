/** The Go text/template subset the docker CLI's --format uses: semantics and Go's own error texts, as pure logic. */
import { describe, expect, it } from 'vitest';
import { executeGoTemplate, goMap, goStruct, parseGoTemplate, type GoValue } from '../../src/main/core/cli-format/go-template';

function render(text: string, data: GoValue): string {
  const parsed = parseGoTemplate(text);
  if (!parsed.ok) return `PARSE: ${parsed.error}`;
  const run = executeGoTemplate(parsed.template, data);
  return run.ok ? run.text : `EXEC: ${run.error}`;
}

const row = goStruct('*formatter.imageContext', { ID: 'abc', Repository: '20.26.38.47:5000/redo_java', Tag: 'v26', Names: ['a', 'b'] as GoValue, Label: (k: GoValue) => (k === 'x' ? 'y' : '') });

describe('go-template', () => {
  it('fields, literal text and method calls with arguments', () => {
    expect(render('{{.ID}}: {{.Repository}}', row)).toBe('abc: 20.26.38.47:5000/redo_java');
    expect(render('{{.Label "x"}}|{{.Label "z"}}', row)).toBe('y|');
  });

  it('trim markers eat the whitespace on their side only', () => {
    expect(render('a  {{- .Tag -}}  \n b', row)).toBe('av26b');
    expect(render('a {{.Tag}} b', row)).toBe('a v26 b');
    expect(render('{{/* a comment */}}x', row)).toBe('x');
  });

  it('if / else if / else, with, range with index and else, variables, break', () => {
    expect(render('{{if eq .Tag "v25"}}old{{else if eq .Tag "v26"}}new{{else}}?{{end}}', row)).toBe('new');
    expect(render('{{with .Tag}}[{{.}}]{{end}}{{with ""}}x{{else}}empty{{end}}', row)).toBe('[v26]empty');
    expect(render('{{range $i, $n := .Names}}{{$i}}={{$n}} {{end}}', row)).toBe('0=a 1=b ');
    expect(render('{{range .Names}}{{if eq . "b"}}{{break}}{{end}}{{.}}{{end}}', row)).toBe('a');
    expect(render('{{$r := .Repository}}{{$r = upper $r}}{{$r}}', row)).toBe('20.26.38.47:5000/REDO_JAVA');
    expect(render('{{range .Missing}}x{{else}}none{{end}}', goMap({}))).toBe('none');
  });

  it('pipelines pass the value as the last argument; and/or return an operand', () => {
    expect(render('{{.Repository | upper | printf "%s!"}}', row)).toBe('20.26.38.47:5000/REDO_JAVA!');
    expect(render('{{or "" .Tag}} {{and .Tag 0}} {{not .Tag}}', row)).toBe('v26 0 false');
  });

  it("the CLI's functions: join, split, title, pad, truncate, json", () => {
    expect(render('{{join (split .Repository "/") "_"}}', row)).toBe('20.26.38.47:5000_redo_java');
    expect(render('{{title "hello docker-cli"}}|{{pad .Tag 1 2}}|{{pad "" 1 1}}|{{truncate .ID 2}}', row)).toBe('Hello Docker-Cli| v26  ||ab');
    expect(render('{{json .Names}} {{json "<none>"}}', row)).toBe('["a","b"] "<none>"');
  });

  it('printf: width, flags, bad verbs and missing arguments as fmt prints them', () => {
    expect(render('{{printf "%-6s|%5d|%05d|%q|%x|%v" "ab" 42 -7 "a\\"b" 255 true}}', row)).toBe('ab    |   42|-0007|"a\\"b"|ff|true');
    expect(render('{{printf "%d %s" "x"}}', row)).toBe('%!d(string=x) %!s(MISSING)');
  });

  it('printing: maps sorted, missing map keys, nil', () => {
    const m = goMap({ b: '2', a: '1' });
    expect(render('{{.}} {{.c}} {{.a}}', m)).toBe('map[a:1 b:2] <no value> 1');
    expect(render('{{.X}}', goStruct('*t', { X: null }))).toBe('<nil>');
  });

  it("Go's parse errors", () => {
    expect(render('{{.ID', row)).toBe('PARSE: template: :1: unclosed action');
    expect(render('{{foo .ID}}', row)).toBe('PARSE: template: :1: function "foo" not defined');
    expect(render('{{if .ID}}x', row)).toBe('PARSE: template: :1: unexpected EOF');
    expect(render('x{{end}}', row)).toBe('PARSE: template: :1: unexpected {{end}}');
    expect(render('{{$x}}', row)).toBe('PARSE: template: :1: undefined variable "$x"');
    expect(render('a\n{{.ID}}\n{{nope}}', row)).toBe('PARSE: template: :3: function "nope" not defined');
  });

  it("Go's execution errors name the position and the node", () => {
    expect(render('{{.ID}}:{{.Respository}}', row)).toBe('EXEC: template: :1:10: executing "" at <.Respository>: can\'t evaluate field Respository in type *formatter.imageContext');
    expect(render('{{index .Names 5}}', row)).toBe('EXEC: template: :1:2: executing "" at <index .Names 5>: error calling index: index out of range: 5');
    expect(render('{{upper 5}}', row)).toBe('EXEC: template: :1:8: executing "" at <5>: expected string; found 5');
    expect(render('{{upper (len .ID)}}', row)).toBe('EXEC: template: :1:13: executing "" at <.ID>: wrong type for value; expected string; got int');
    expect(render('{{.Label}}', row)).toBe('EXEC: template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
    expect(render('{{.ID.Nope}}', row)).toBe('EXEC: template: :1:5: executing "" at <.ID.Nope>: can\'t evaluate field Nope in type string');
  });
});
