/**
 * Which file of the built renderer a `wharf://app/...` request names, and its Content-Type. Pure (no fs, no
 * Electron): the protocol handler refuses anything this does not resolve, so a page (or anything that can make
 * the window load a URL) can never read a file outside the renderer folder.
 */
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isAppSchemeUrl } from './app-scheme';

/** The built renderer holds only these kinds of files; anything else is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file name, or undefined for a kind the renderer does not ship. */
export function contentTypeFor(fileName: string): string | undefined {
  const ext = extname(fileName).toLowerCase();
  return Object.hasOwn(CONTENT_TYPES, ext) ? CONTENT_TYPES[ext] : undefined;
}

/** True when file lies strictly below folder (both absolute). */
export function isInsideFolder(folder: string, file: string): boolean {
  const inside = relative(folder, file);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

export type RendererPath = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404 };

/**
 * Decodes each path segment on its own and refuses, rather than normalises, anything that could step out of the
 * folder or mean something else on disk: `.`/`..` (also percent-encoded), an encoded `/`, a backslash, NUL,
 * empty segments (`//`), malformed escapes. `/` is index.html.
 */
export function resolveRendererPath(requestUrl: string, rootDir: string): RendererPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (!isAppSchemeUrl(url)) return { ok: false, status: 404 };
  const raw = url.pathname === '/' ? '/index.html' : url.pathname;
  if (!raw.startsWith('/')) return { ok: false, status: 404 };
  const segments: string[] = [];
  for (const encoded of raw.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '' || segment === '.' || segment === '..') return { ok: false, status: 404 };
    if (/[/\\\0]/.test(segment)) return { ok: false, status: 404 };
    segments.push(segment);
  }
  const root = resolve(rootDir);
  const file = join(root, ...segments);
  if (!isInsideFolder(root, file)) return { ok: false, status: 404 };
  const contentType = contentTypeFor(file);
  if (contentType === undefined) return { ok: false, status: 404 };
  return { ok: true, file, contentType };
}
