export { call, request, unwrap, subscribeEvents, eventStreamState, onEventStreamConnection, transportKind, openStream, signIn, onSessionChange } from './client';
export { WharfApiError, toErrorInfo } from './api-error';
export { isServerUnreachable } from './server-unreachable';
export type { EventStreamState } from './transport';
export type { SessionState, SignedOutReason } from './web-session';
