/**
 * The `wharf://app/` handler: serves the built renderer's files, each with the app's CSP, and nothing else.
 * Uses only fetch's Request/Response (no Electron), so it is tested on a real folder without the Electron binary;
 * main.ts passes it to protocol.handle.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { isInsideFolder, resolveRendererPath } from './renderer-files';

export type RendererHandler = (request: Request) => Promise<Response>;

function refuse(status: number): Response {
  return new Response(null, { status, headers: { 'X-Content-Type-Options': 'nosniff' } });
}

export function createRendererHandler(rootDir: string, contentSecurityPolicy: string): RendererHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveRendererPath(request.url, rootDir);
    if (!resolved.ok) return refuse(resolved.status);
    try {
      // A symlink inside the folder must not lead out of it: compare real paths too.
      const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(resolved.file)]);
      if (!isInsideFolder(realRoot, realFile) || !(await stat(realFile)).isFile()) return refuse(404);
      const body = request.method === 'HEAD' ? null : await readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': resolved.contentType,
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
          'Cross-Origin-Resource-Policy': 'same-origin',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      // realpath/stat fail for a file the build does not hold: a missing page file is a 404, like the web server's.
      return refuse(404);
    }
  };
}
