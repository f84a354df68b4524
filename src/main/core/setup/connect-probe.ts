import { connect } from 'node:net';
import type { EngineEndpoint } from '../../../shared/engine';
import type { ConnectResult } from '../../../shared/setup';
import type { DockerClientFactory } from '../engine/docker-client';

export interface ConnectAttempt {
  result: ConnectResult;
  /** The OS or engine message, verbatim. */
  detail?: string;
}

const CONNECT_TIMEOUT_MS = 5_000;

function codeOf(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The distinction the wizard is built on: EACCES → permission-denied, ENOENT → missing, ECONNREFUSED → refused. */
export function classifyConnectError(error: unknown): ConnectResult {
  const code = codeOf(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission-denied';
  if (code === 'ENOENT') return 'missing';
  if (code === 'ECONNREFUSED') return 'refused';
  return 'unreachable';
}

/** A fresh attempt as this process: GET /_ping on the endpoint (the Docker API, not just an open socket). */
export async function tryConnect(endpoint: EngineEndpoint, createClient: DockerClientFactory): Promise<ConnectAttempt> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const client = createClient(endpoint);
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${CONNECT_TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' })), CONNECT_TIMEOUT_MS);
    });
    await Promise.race([client.ping(), timeout]);
    return { result: 'ok' };
  } catch (error) {
    return { result: classifyConnectError(error), detail: messageOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether a unix socket accepts a connection from this process (the rootless socket's liveness). */
export function socketAccepts(path: string, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ path });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
