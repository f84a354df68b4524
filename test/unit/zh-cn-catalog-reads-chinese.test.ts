/**
 * The Chinese catalog is Chinese: every zh-CN message that has Latin letters also has Chinese characters, unless it
 * is a proper name, a unit, a file name or an example of what to type (a placeholder). Leftover English ("Inspect")
 * fails here before a user sees it.
 */
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/renderer/src/i18n/catalogs';

/** Messages that are the same in every language: product and file names, units, column abbreviations. */
const SAME_IN_CHINESE = new Set([
  'Docker CE',
  // A language picker names each language in that language.
  'English',
  'Docker Desktop for Linux',
  'Docker Hub',
  'Docker Hub（docker.io）',
  'DaoCloud',
  'Dockerfile',
  'config.json',
  'Shell',
  'ID',
  'GID',
  'UID {{uid}}',
  'dockerd',
  'Diff ID',
  'CPU',
  'CPU %',
  'GB',
  '<none>',
]);

function flatten(node: unknown, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, String(node));
  }
  return out;
}

const HAS_LATIN = /[A-Za-z]/;
const HAS_CHINESE = /[\u3400-\u9fff]/;

describe('zh-CN catalog', () => {
  it('every message with letters has Chinese in it, unless it is a name, a unit or an example of input', () => {
    const english = [...flatten(catalogs['zh-CN'])]
      // {{variables}} are filled in at run time; a placeholder shows an example of what to type (a path, a name).
      .filter(([key]) => !key.endsWith('Placeholder'))
      .filter(([, text]) => {
        const words = text.replace(/\{\{[^}]*\}\}/g, '');
        return HAS_LATIN.test(words) && !HAS_CHINESE.test(words) && !SAME_IN_CHINESE.has(text);
      })
      .map(([key, text]) => `${key}: ${text}`);
    expect(english).toEqual([]);
  });
});
