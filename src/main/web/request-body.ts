import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http-replies';

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * A body over the limit is read and thrown away up to this much, so the client has sent everything when the 413
 * comes and reads it (closing a socket with unread data makes the kernel reset it: the client would see only
 * ECONNRESET). Past this, the socket is cut.
 */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

function refuseTooLarge(res: ServerResponse): void {
  if (res.headersSent) return;
  sendJson(res, 413, { error: `request body larger than ${MAX_BODY_BYTES} bytes`, code: 'too-large' }, { Connection: 'close' });
}

/** The body as text, or undefined once a 413 has been (or is being) answered. */
export function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
      refuseTooLarge(res);
      res.once('finish', () => req.destroy());
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > MAX_BODY_BYTES;
    if (tooLarge) resolve(undefined);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!tooLarge && size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        resolve(undefined);
      }
      if (!tooLarge) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) {
        refuseTooLarge(res);
        req.destroy();
      }
    });
    req.on('end', () => {
      if (tooLarge) refuseTooLarge(res);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** A JSON text's top-level object, undefined for anything else, null when it is not JSON at all. */
export function parseJsonObject(text: string): object | undefined | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // not JSON: the caller answers 400
  }
  return typeof value === 'object' && value !== null ? value : undefined;
}
