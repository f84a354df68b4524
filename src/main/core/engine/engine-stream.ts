/** Streaming Engine API calls (a tar up, JSON lines down) over dockerode's modem, with clean errors. */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type Docker from 'dockerode';
import { createJsonLineSplitter, type EngineMessage } from '../images/build-stream';

export interface StreamCall {
  method: 'GET' | 'POST';
  /** Engine path without the version prefix, e.g. '/build'. */
  path: string;
  /** Query parameters; arrays repeat the key (t=a&t=b), objects are sent as JSON. */
  query: Record<string, unknown>;
  body?: Readable;
  /** Replaces modem's default headers (Content-Type defaults to application/tar with a body). */
  headers?: Record<string, string | number>;
  signal: AbortSignal;
}

/** The engine's message without modem's "(HTTP code 400) bad parameter - " prefix. */
function withEngineMessage(error: unknown): unknown {
  if (error instanceof Error && typeof (error as { statusCode?: unknown }).statusCode === 'number') {
    const cleaned = error.message.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
    Object.assign(error, { json: { message: cleaned } });
  }
  return error;
}

/** Sends the request and resolves with the response stream once the engine accepted it (status 200). */
export function dialStream(docker: Docker, call: StreamCall): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `${call.path}?`,
        method: call.method,
        options: call.query,
        file: call.body,
        ...(call.headers ? { headers: call.headers } : {}),
        isStream: true,
        abortSignal: call.signal,
        statusCodes: { 200: true, 400: 'bad parameter', 404: 'not found', 409: 'conflict', 500: 'server error' },
      },
      (error, result) => (error ? reject(withEngineMessage(error)) : resolve(result as IncomingMessage)),
    );
  });
}

/** Reads a JSON-lines answer to its end, handing each message over as it arrives. */
export async function readMessages(response: IncomingMessage, onMessage: (message: EngineMessage) => void): Promise<void> {
  const splitter = createJsonLineSplitter();
  const decoder = new StringDecoder('utf8');
  for await (const chunk of response as AsyncIterable<Buffer>) {
    for (const message of splitter.push(decoder.write(chunk))) onMessage(message);
  }
  for (const message of splitter.push(decoder.end())) onMessage(message);
  for (const message of splitter.end()) onMessage(message);
}
