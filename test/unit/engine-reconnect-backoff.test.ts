/**
 * The reconnect backoff: a local socket is tried at least every second (a try is one cheap syscall, and a user
 * waiting for a restarted engine should not wait for a doubling backoff), a remote engine backs off up to 30 s.
 */
import { describe, expect, it } from 'vitest';
import { reconnectBackoff } from '../../src/main/core/engine/connection';

describe('reconnectBackoff', () => {
  it('production: a local socket waits at most 1 s between tries, a remote engine up to 30 s', () => {
    expect(reconnectBackoff({}, true)).toEqual({ initialMs: 500, maxMs: 1_000 });
    expect(reconnectBackoff({}, false)).toEqual({ initialMs: 500, maxMs: 30_000 });
  });

  it('a chosen backoff is kept for remote engines and capped for local sockets', () => {
    const chosen = { initialMs: 6_000, maxMs: 60_000 };
    expect(reconnectBackoff({ backoff: chosen }, false)).toEqual(chosen);
    expect(reconnectBackoff({ backoff: chosen }, true)).toEqual({ initialMs: 1_000, maxMs: 1_000 });
    expect(reconnectBackoff({ backoff: { initialMs: 200, maxMs: 800 } }, true)).toEqual({ initialMs: 200, maxMs: 800 });
  });

  it('the local cap can be chosen', () => {
    expect(reconnectBackoff({ localMaxMs: 250 }, true)).toEqual({ initialMs: 250, maxMs: 250 });
  });
});
