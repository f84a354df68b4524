/**
 * wharf://app/ serves the built renderer's files, with their types and the app's CSP, and nothing else: no path
 * trick (.., encoded dots or slashes, backslashes, absolute paths, NUL, symlinks) reaches a file outside the
 * renderer folder, and a kind of file the renderer does not ship is not served.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/content-security-policy';
import { contentTypeFor, resolveRendererPath } from '../../src/main/electron/renderer-files';
import { createRendererHandler } from '../../src/main/electron/renderer-protocol';

let base = '';
let root = '';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'wharf-unit-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'w2');
  writeFileSync(join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(join(root, 'notes.sh'), 'echo hi');
  // What an attacker would want: files beside and far outside the renderer folder.
  writeFileSync(join(base, 'secret.txt'), 'SECRET');
  writeFileSync(join(base, 'secret.js'), 'SECRET');
  symlinkSync(join(base, 'secret.js'), join(root, 'assets', 'link-out.js'));
  symlinkSync(base, join(root, 'up'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const handler = (): ReturnType<typeof createRendererHandler> => createRendererHandler(root, CONTENT_SECURITY_POLICY);

async function get(url: string, method = 'GET'): Promise<{ status: number; type: string | null; csp: string | null; body: string }> {
  const response = await handler()(new Request(url, { method }));
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), body: await response.text() };
}

describe('serving the renderer', () => {
  it.each([
    ['wharf://app/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Wharf</title>'],
    ['wharf://app/', 'text/html; charset=utf-8', '<!doctype html><title>Wharf</title>'],
    ['wharf://app/index.html#/images', 'text/html; charset=utf-8', '<!doctype html><title>Wharf</title>'],
    ['wharf://app/index.html?x=1', 'text/html; charset=utf-8', '<!doctype html><title>Wharf</title>'],
    ['wharf://app/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['wharf://app/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['wharf://app/assets/font.woff2', 'font/woff2', 'w2'],
    ['wharf://app/favicon.svg', 'image/svg+xml', '<svg/>'],
    ['wharf://app/assets/index%2Dabc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
  ])('%s is served as %s', async (url, type, body) => {
    const answer = await get(url);
    expect(answer).toMatchObject({ status: 200, type, body });
  });

  it('every file carries the app CSP and nosniff', async () => {
    const response = await handler()(new Request('wharf://app/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('HEAD answers without a body; other methods are refused', async () => {
    expect(await get('wharf://app/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get('wharf://app/index.html', 'POST')).status).toBe(405);
    expect((await get('wharf://app/index.html', 'PUT')).status).toBe(405);
  });
});

describe('hostile paths never leave the renderer folder', () => {
  it.each([
    'wharf://app/..%2fsecret.txt',
    'wharf://app/..%2Fsecret.js',
    'wharf://app/%2e%2e%2fsecret.js',
    'wharf://app/assets/..%2f..%2fsecret.js',
    'wharf://app/..%5csecret.js',
    'wharf://app/assets%5c..%5c..%5csecret.js',
    'wharf://app/a\\..\\..\\secret.js',
    'wharf://app/%2fetc%2fpasswd',
    'wharf://app//etc/passwd',
    'wharf://app/%2F%2Fetc/passwd',
    'wharf://app/index.html%00.js',
    'wharf://app/%00',
    'wharf://app/assets/link-out.js',
    'wharf://app/up/secret.js',
    'wharf://app/notes.sh',
    'wharf://app/assets',
    'wharf://app/assets/',
    'wharf://app/missing.js',
    'wharf://app/%E0%A4%A',
    'wharf://evil/index.html',
    'wharf://app:1/index.html',
    'file:///etc/passwd',
    'http://app/index.html',
  ])('%s is refused', async (url) => {
    const answer = await get(url);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body).not.toContain('SECRET');
    expect(answer.body).toBe('');
  });

  it('the resolver itself refuses traversal and absolute paths before any file is touched', () => {
    for (const url of ['wharf://app/..%2fsecret.txt', 'wharf://app/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'wharf://app/x%5c..%5c..%5cy.js', 'wharf://app//etc/passwd.js', 'wharf://app/%2Fetc%2Fpasswd.js']) {
      expect(resolveRendererPath(url, root)).toEqual({ ok: false, status: 404 });
    }
    expect(resolveRendererPath('wharf://app/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
    // fetch's Request cannot even carry credentials; the resolver refuses them on its own.
    expect(resolveRendererPath('wharf://u:p@app/index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveRendererPath('not a url', root)).toEqual({ ok: false, status: 400 });
  });

  it('dot segments the URL parser folds (.%2e, %2e%2e) cannot climb above the renderer folder', async () => {
    expect(resolveRendererPath('wharf://app/assets/.%2e/.%2e/%2e%2e/secret.js', root)).toEqual({ ok: true, file: join(root, 'secret.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(await get('wharf://app/assets/.%2e/.%2e/%2e%2e/secret.js')).toMatchObject({ status: 404, body: '' });
  });
});

describe('content types', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
  ])('%s → %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });

  it.each(['a.sh', 'a', 'a.exe', 'a.constructor', 'a.__proto__', 'a.toString'])('%s has no type (not served)', (name) => {
    expect(contentTypeFor(name)).toBeUndefined();
  });
});
