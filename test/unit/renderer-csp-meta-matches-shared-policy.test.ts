/**
 * The page's own CSP (the meta tag in index.html, which also guards web mode's page and any way the page is
 * loaded) is the shared policy of src/main/content-security-policy.ts, less frame-ancestors (a meta tag cannot
 * carry it), and lets the page talk to no scheme at large: no ws:, wss:, http:, https:, * sources.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/content-security-policy';

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta\b[^>]*>/gis)]
    .map((m) => m[0])
    .filter((tag) => /http-equiv\s*=\s*"content-security-policy"/i.test(tag))
    .map((tag) => /\bcontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? '');
}

const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8');
const shared = parsePolicy(CONTENT_SECURITY_POLICY);

describe('index.html CSP', () => {
  it('has exactly one CSP meta tag', () => {
    expect(metaPolicies(html)).toHaveLength(1);
  });

  it('is the shared policy without frame-ancestors', () => {
    const meta = parsePolicy(metaPolicies(html)[0] ?? '');
    const expected = new Map([...shared].filter(([name]) => name !== 'frame-ancestors'));
    expect(Object.fromEntries(meta)).toEqual(Object.fromEntries(expected));
  });

  it('opens no scheme at large and no wildcard (data: images only, as in the shared policy)', () => {
    const meta = parsePolicy(metaPolicies(html)[0] ?? '');
    const broad: string[] = [];
    for (const [name, sources] of meta) {
      for (const source of sources) {
        const schemeOnly = /^[a-z][a-z0-9+.-]*:$/i.test(source);
        if (source.includes('*') || (schemeOnly && !(name === 'img-src' && source === 'data:'))) broad.push(`${name} ${source}`);
      }
    }
    expect(broad).toEqual([]);
    expect(meta.get('connect-src')).toEqual(["'self'"]);
  });

  it('the shared policy itself forbids framing the app (the header carries what the meta tag cannot)', () => {
    expect(shared.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
