/** daemon.json text: parse errors with line and column, an edit that changes only the two values' bytes, the diff shown before applying. */
import { describe, expect, it } from 'vitest';
import { decodeDaemonJson, parseDaemonJson, serializeDaemonJson } from '../../src/main/core/registry-mirrors/json-text';
import { editRegistryValues, lineDiff } from '../../src/main/core/registry-mirrors/merge';
import { contentPlan } from '../../src/main/core/registry-mirrors/plan';

describe('parseDaemonJson', () => {
  it.each([
    ['{\n  "debug": true,\n}', 3, 1],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3],
    ['{"a": tru}', 1, 7],
    ['{"a": "x\ny"}', 1, 9],
    ['{"a": 1', 1, 8],
    ['{"a": 1} x', 1, 10],
    ["{'a': 1}", 1, 2],
    ['{\n\t"log-opts": {"max-size": 10m}\n}', 2, 29],
  ])('%j fails at line %i, column %i', (text, line, column) => {
    const parsed = parseDaemonJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatchObject({ line, column });
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{}', '{"a":[1,2,{"b":null}],"c":"\\u00e9\\n","d":-1.5e3}', ' { "x" : false } ']) {
      const parsed = parseDaemonJson(text);
      expect(parsed.ok && parsed.value).toEqual(JSON.parse(text));
    }
  });

  it('takes an empty or blank file as no configuration, as dockerd does', () => {
    expect(parseDaemonJson('')).toEqual({ ok: true, value: {} });
    expect(parseDaemonJson(' \n')).toEqual({ ok: true, value: {} });
  });

  it('refuses a top level that is not an object', () => {
    expect(parseDaemonJson('["a"]').ok).toBe(false);
    expect(parseDaemonJson('null').ok).toBe(false);
  });
});

describe('editRegistryValues: only the two values change, every other byte stays', () => {
  const set = (registryMirrors: string[], insecureRegistries: string[] = []) => ({ registryMirrors, insecureRegistries });

  it('keeps numbers JSON.parse would round or overflow, and a __proto__ key, byte for byte', () => {
    const text = '{\n  "max-concurrent-downloads": 9223372036854775807,\n  "x-huge": 1e400,\n  "__proto__": {"polluted": true},\n  "registry-mirrors": ["https://old.example"]\n}\n';
    expect(editRegistryValues(text, set(['https://a.example', 'https://b.example']))).toBe(
      '{\n  "max-concurrent-downloads": 9223372036854775807,\n  "x-huge": 1e400,\n  "__proto__": {"polluted": true},\n  "registry-mirrors": ["https://a.example", "https://b.example"]\n}\n',
    );
  });

  it('adds a missing key after the last member, in the file\'s indentation (4 spaces)', () => {
    const text = '{\n    "debug": true,\n    "max-concurrent-downloads": 9223372036854775807\n}\n';
    expect(editRegistryValues(text, set(['https://a.example'], ['10.0.0.5:5000']))).toBe(
      '{\n    "debug": true,\n    "max-concurrent-downloads": 9223372036854775807,\n    "registry-mirrors": [\n        "https://a.example"\n    ],\n    "insecure-registries": [\n        "10.0.0.5:5000"\n    ]\n}\n',
    );
  });

  it('with tabs and CRLF line endings, a byte-order mark and no final newline', () => {
    const text = '\uFEFF{\r\n\t"log-driver":"json-file",\r\n\t"x-big": -9223372036854775808\r\n}';
    expect(editRegistryValues(text, set(['https://a.example']))).toBe('\uFEFF{\r\n\t"log-driver":"json-file",\r\n\t"x-big": -9223372036854775808,\r\n\t"registry-mirrors":[\r\n\t\t"https://a.example"\r\n\t]\r\n}');
  });

  it('a one-line file stays on one line', () => {
    expect(editRegistryValues('{"debug":true,"x":1.50}', set(['https://a.example', 'https://b.example']))).toBe('{"debug":true,"x":1.50,"registry-mirrors":["https://a.example","https://b.example"]}');
    expect(editRegistryValues('{ "debug": true }', set(['https://a.example']))).toBe('{ "debug": true, "registry-mirrors": ["https://a.example"] }');
  });

  it('a multi-line value is rewritten in place in the same layout; the other keys around it stay', () => {
    const text = '{\n  "registry-mirrors": [\n    "https://old.example"\n  ],\n  "x": 1E+2\n}\n';
    expect(editRegistryValues(text, set(['https://a.example', 'https://b.example']))).toBe('{\n  "registry-mirrors": [\n    "https://a.example",\n    "https://b.example"\n  ],\n  "x": 1E+2\n}\n');
  });

  it('every top-level occurrence of a duplicated key gets the value; other duplicates stay', () => {
    const text = '{"registry-mirrors": ["https://1.example"], "debug": true, "debug": false, "registry-mirrors": ["https://2.example"]}';
    expect(editRegistryValues(text, set(['https://a.example']))).toBe('{"registry-mirrors": ["https://a.example"], "debug": true, "debug": false, "registry-mirrors": ["https://a.example"]}');
  });

  it('knows a key written with unicode escapes, and keeps escapes elsewhere as written', () => {
    const text = '{"label": "caf\\u00e9 \\ud83d\\ude00", "registry\\u002dmirrors": ["https://old.example"]}';
    expect(editRegistryValues(text, set(['https://a.example']))).toBe('{"label": "caf\\u00e9 \\ud83d\\ude00", "registry\\u002dmirrors": ["https://a.example"]}');
  });

  it('never touches a key named registry-mirrors inside another value', () => {
    const text = '{\n  "x-nested": {"registry-mirrors": ["https://keep.example"], "insecure-registries": []},\n  "x-list": [{"registry-mirrors": 1}]\n}\n';
    expect(editRegistryValues(text, set(['https://a.example']))).toBe(
      '{\n  "x-nested": {"registry-mirrors": ["https://keep.example"], "insecure-registries": []},\n  "x-list": [{"registry-mirrors": 1}],\n  "registry-mirrors": [\n    "https://a.example"\n  ]\n}\n',
    );
  });

  it('an emptied list stays as [] (reload only changes keys present); no new empty key is added', () => {
    expect(editRegistryValues('{\n  "registry-mirrors": ["https://old.example"]\n}\n', set([]))).toBe('{\n  "registry-mirrors": []\n}\n');
    expect(editRegistryValues('{\n  "debug": true\n}\n', set([]))).toBe('{\n  "debug": true\n}\n');
  });

  it('the same values, however they are written, change nothing', () => {
    const text = '{ "registry-mirrors" : [ "https://a.example" ,"https://b.example" ] }\n';
    expect(editRegistryValues(text, set(['https://a.example', 'https://b.example']))).toBe(text);
  });

  it('an empty object, a blank file or no file get Wharf\'s own layout', () => {
    expect(editRegistryValues('{}\n', set(['https://a.example']))).toBe('{\n  "registry-mirrors": [\n    "https://a.example"\n  ]\n}\n');
    expect(editRegistryValues(' \n', set(['https://a.example']))).toBe(serializeDaemonJson({ 'registry-mirrors': ['https://a.example'] }));
    expect(editRegistryValues(undefined, set([], ['10.0.0.5:5000']))).toBe(serializeDaemonJson({ 'insecure-registries': ['10.0.0.5:5000'] }));
    expect(editRegistryValues(undefined, set([]))).toBe('');
  });

  it('the result parses to the same keys and values, with the two set', () => {
    const text = '{\n\t"log-opts": {"max-size": "10m"},\n\t"labels": ["a=b"],\n\t"insecure-registries": ["old:5000"]\n}\n';
    const out = editRegistryValues(text, set(['https://a.example'], ['10.0.0.0/8']));
    expect(JSON.parse(out)).toEqual({ 'log-opts': { 'max-size': '10m' }, labels: ['a=b'], 'insecure-registries': ['10.0.0.0/8'], 'registry-mirrors': ['https://a.example'] });
  });
});

describe('decodeDaemonJson', () => {
  it('takes UTF-8 as it is, and says where bytes stop being UTF-8', () => {
    expect(decodeDaemonJson(Buffer.from('{"a": "\uFFFD é"}', 'utf8'))).toEqual({ text: '{"a": "\uFFFD é"}' });
    const bad = Buffer.concat([Buffer.from('{\n  "a": "x'), Buffer.from([0xff]), Buffer.from('"\n}\n')]);
    expect(decodeDaemonJson(bad).problem).toMatchObject({ line: 2, column: 10 });
  });
});

describe('lineDiff', () => {
  it('shows added and removed lines around the unchanged ones', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nx\nc\nd\n')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'remove', text: 'b' },
      { op: 'add', text: 'x' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ]);
    expect(lineDiff('', '{}\n')).toEqual([{ op: 'add', text: '{}' }]);
  });
});

describe('contentPlan', () => {
  it('a missing file becomes a new one with only the wanted keys', () => {
    const plan = contentPlan('/etc/docker/daemon.json', undefined, { registryMirrors: ['https://docker.m.daocloud.io/'], insecureRegistries: [] });
    expect(plan.currentHash).toBe('');
    expect(plan.newText).toBe(serializeDaemonJson({ 'registry-mirrors': ['https://docker.m.daocloud.io'] }));
    expect(plan).toMatchObject({ valid: true, unchanged: false });
  });

  it('the diff shows only the lines of the two values as changed, a CRLF file included', () => {
    const plan = contentPlan('/x/daemon.json', '{\r\n  "debug": true,\r\n  "registry-mirrors": []\r\n}\r\n', { registryMirrors: ['https://a.example'], insecureRegistries: [] });
    expect(plan.diff.filter((line) => line.op !== 'same')).toEqual([
      { op: 'remove', text: '  "registry-mirrors": []' },
      { op: 'add', text: '  "registry-mirrors": ["https://a.example"]' },
    ]);
  });

  it('a file that does not parse gets no new text and is not valid', () => {
    const plan = contentPlan('/x/daemon.json', '{"debug": }', { registryMirrors: [], insecureRegistries: [] });
    expect(plan).toMatchObject({ valid: false, newText: '{"debug": }', diff: [], parseError: { line: 1, column: 11 } });
  });

  it('an invalid entry makes the plan invalid; the same values again are "unchanged"', () => {
    expect(contentPlan('/x', '{}', { registryMirrors: ['mirror.example'], insecureRegistries: [] }).valid).toBe(false);
    const text = serializeDaemonJson({ 'registry-mirrors': ['https://a.example'] });
    expect(contentPlan('/x', text, { registryMirrors: ['https://a.example'], insecureRegistries: [] }).unchanged).toBe(true);
  });

  it('flags a key that dockerd also got as a flag', () => {
    const flags = { registryMirrors: ['https://flag.example'], insecureRegistries: [], hosts: [], proxies: {} };
    const plan = contentPlan('/x', '{}', { registryMirrors: ['https://a.example'], insecureRegistries: ['10.0.0.1:5000'] }, { flags });
    expect(plan.conflicts).toEqual([{ key: 'registry-mirrors', flag: '--registry-mirror', flagValues: ['https://flag.example'] }]);
    expect(plan.valid).toBe(false);
  });
});
