/** Marks an error envelope made by the web client itself when the Wharf server did not answer. */
export const SERVER_UNREACHABLE = 'server-unreachable';

export interface ServerUnreachableDetails {
  reason: typeof SERVER_UNREACHABLE;
}

export function isServerUnreachable(details: unknown): details is ServerUnreachableDetails {
  return typeof details === 'object' && details !== null && Reflect.get(details, 'reason') === SERVER_UNREACHABLE;
}
