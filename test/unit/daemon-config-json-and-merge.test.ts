/** daemon.json text: parse errors with line and column, a merge that keeps every other key, the diff shown before applying. */
import { describe, expect, it } from 'vitest';
import { parseDaemonJson, serializeDaemonJson } from '../../src/main/core/daemon-config/json-text';
import { lineDiff, mergeRegistrySettings } from '../../src/main/core/daemon-config/merge';
import { contentPlan } from '../../src/main/core/daemon-config/plan';

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
      expect(parsed).toEqual({ ok: true, value: JSON.parse(text) });
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

describe('mergeRegistrySettings', () => {
  const config = { 'log-driver': 'json-file', 'registry-mirrors': ['https://old.example'], 'log-opts': { 'max-size': '10m' }, 'data-root': '/srv/docker' };

  it('replaces only the registry keys, in place, and keeps the other keys and values', () => {
    const merged = mergeRegistrySettings(config, { registryMirrors: ['https://new.example'], insecureRegistries: ['10.0.0.5:5000'] });
    expect(Object.keys(merged)).toEqual(['log-driver', 'registry-mirrors', 'log-opts', 'data-root', 'insecure-registries']);
    expect(merged).toEqual({ ...config, 'registry-mirrors': ['https://new.example'], 'insecure-registries': ['10.0.0.5:5000'] });
  });

  it('keeps an emptied key as [] (reload only changes keys present) and adds no empty new key', () => {
    const merged = mergeRegistrySettings(config, { registryMirrors: [], insecureRegistries: [] });
    expect(merged['registry-mirrors']).toEqual([]);
    expect('insecure-registries' in merged).toBe(false);
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
    expect(plan).toMatchObject({ valid: true, unchanged: false, reformatted: false });
  });

  it('says when other lines change only in formatting', () => {
    const plan = contentPlan('/x/daemon.json', '{"debug":true}', { registryMirrors: ['https://a.example'], insecureRegistries: [] });
    expect(plan.reformatted).toBe(true);
    expect(JSON.parse(plan.newText)).toEqual({ debug: true, 'registry-mirrors': ['https://a.example'] });
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
    const flags = { registryMirrors: ['https://flag.example'], insecureRegistries: [], hosts: [] };
    const plan = contentPlan('/x', '{}', { registryMirrors: ['https://a.example'], insecureRegistries: ['10.0.0.1:5000'] }, flags);
    expect(plan.conflicts).toEqual([{ key: 'registry-mirrors', flag: '--registry-mirror', flagValues: ['https://flag.example'] }]);
    expect(plan.valid).toBe(false);
  });
});
