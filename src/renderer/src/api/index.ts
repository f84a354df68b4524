export { call, request, unwrap, subscribeEvents, eventStreamState, onEventStreamConnection, transportKind, openStream, signIn, onSessionChange, startAppClient, createClient, appClient } from './client';
export type { Client, OpenStream } from './client';
export { WharfApiError, toErrorInfo } from './api-error';
export { isServerUnreachable } from './server-unreachable';
export type { EventStreamState, Transport } from './transport';
export type { SessionState, SignedOutReason } from './web-session';
