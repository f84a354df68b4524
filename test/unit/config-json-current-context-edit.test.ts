/** `docker context use` edits config.json: only currentContext's bytes change; every other byte stays. */
import { describe, expect, it } from 'vitest';
import { setTopLevelString } from '../../src/main/core/engines/config-json-edit';

const edit = (text: string, value: string | undefined): string => {
  const result = setTopLevelString(text, 'currentContext', value);
  if (!result.ok) throw new Error(result.problem.message);
  return result.text;
};

describe('config.json currentContext edits', () => {
  it('replaces the value in place, keeping numbers JSON.parse would round and the file\'s layout', () => {
    const text = '{\n\t"auths": {},\n\t"currentContext": "a",\n\t"x-big": 12345678901234567890\n}\n';
    expect(edit(text, 'prod')).toBe('{\n\t"auths": {},\n\t"currentContext": "prod",\n\t"x-big": 12345678901234567890\n}\n');
  });

  it('adds the member after the last one, in the file\'s indentation and line endings', () => {
    expect(edit('{\r\n    "auths": {}\r\n}\r\n', 'prod')).toBe('{\r\n    "auths": {},\r\n    "currentContext": "prod"\r\n}\r\n');
    expect(edit('{"auths":{}}', 'prod')).toBe('{"auths":{}, "currentContext": "prod"}');
    expect(edit('{}\n', 'prod')).toBe('{\n\t"currentContext": "prod"\n}\n');
  });

  it('a missing or blank file becomes what the CLI would write', () => {
    expect(edit('', 'prod')).toBe('{\n\t"currentContext": "prod"\n}\n');
    expect(edit('', undefined)).toBe('');
  });

  it('"default" removes the member wherever it is, with its separator', () => {
    expect(edit('{\n\t"auths": {},\n\t"currentContext": "a",\n\t"x": 1\n}\n', undefined)).toBe('{\n\t"auths": {},\n\t"x": 1\n}\n');
    expect(edit('{\n\t"currentContext": "a",\n\t"x": 1\n}\n', undefined)).toBe('{\n\t"x": 1\n}\n');
    expect(edit('{\n\t"x": 1,\n\t"currentContext": "a"\n}\n', undefined)).toBe('{\n\t"x": 1\n}\n');
    expect(edit('{"currentContext": "a"}', undefined)).toBe('{}');
  });

  it('every copy of a duplicated key gets the value, so no old one wins', () => {
    expect(edit('{"currentContext": "a", "currentContext": "b"}', 'c')).toBe('{"currentContext": "c", "currentContext": "c"}');
  });

  it('a file that does not parse is refused with where it breaks, never rewritten', () => {
    const result = setTopLevelString('{\n\t"auths": {},\n}', 'currentContext', 'x');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.line).toBe(3);
  });
});
