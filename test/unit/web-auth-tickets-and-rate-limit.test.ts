/**
 * The single-use tickets (login URL: 60 s; WebSocket) and the rate limit on wrong credentials, on a clock the test
 * moves.
 */
import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from '../../src/main/web/failure-limiter';
import { createTicketStore } from '../../src/main/web/tickets';

function clock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('login tickets', () => {
  it('work once', () => {
    const store = createTicketStore({ ttlMs: 60_000 });
    const ticket = store.issue();
    expect(store.consume(ticket)).toBe(true);
    expect(store.consume(ticket)).toBe(false);
  });

  it('work until 60 s have passed, not after', () => {
    const c = clock();
    const store = createTicketStore({ ttlMs: 60_000, now: c.now });
    const early = store.issue();
    const late = store.issue();
    c.advance(59_999);
    expect(store.consume(early)).toBe(true);
    c.advance(1);
    expect(store.consume(late)).toBe(false);
  });

  it('an expired ticket stays refused (it is not revived by a later one)', () => {
    const c = clock();
    const store = createTicketStore({ ttlMs: 60_000, now: c.now });
    const old = store.issue();
    c.advance(61_000);
    store.issue();
    expect(store.consume(old)).toBe(false);
  });

  it('unknown, empty and missing tickets are refused', () => {
    const store = createTicketStore({ ttlMs: 60_000 });
    store.issue();
    expect(store.consume('made-up')).toBe(false);
    expect(store.consume('')).toBe(false);
    expect(store.consume(undefined)).toBe(false);
  });

  it('are random and long enough not to guess', () => {
    const store = createTicketStore({ ttlMs: 60_000 });
    const tickets = new Set(Array.from({ length: 100 }, () => store.issue()));
    expect(tickets.size).toBe(100);
    for (const t of tickets) expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('outstanding tickets are bounded: minting many drops the oldest', () => {
    const store = createTicketStore({ ttlMs: 60_000, max: 3 });
    const first = store.issue();
    const rest = [store.issue(), store.issue(), store.issue()];
    expect(store.consume(first)).toBe(false);
    for (const t of rest) expect(store.consume(t)).toBe(true);
  });
});

describe('failure limiter', () => {
  it('blocks an address after 10 failures within a minute, until the first of them is a minute old', () => {
    const c = clock();
    const limiter = createFailureLimiter({ now: c.now });
    for (let i = 0; i < 9; i++) {
      limiter.recordFailure('127.0.0.1');
      c.advance(1000);
    }
    expect(limiter.retryAfterMs('127.0.0.1')).toBe(0);
    limiter.recordFailure('127.0.0.1');
    // The first failure was 9 s ago: 51 s to wait.
    expect(limiter.retryAfterMs('127.0.0.1')).toBe(51_000);
    c.advance(50_999);
    expect(limiter.retryAfterMs('127.0.0.1')).toBe(1);
    c.advance(1);
    expect(limiter.retryAfterMs('127.0.0.1')).toBe(0);
    // One more wrong guess and it is blocked again: at most 10 guesses a minute.
    limiter.recordFailure('127.0.0.1');
    expect(limiter.retryAfterMs('127.0.0.1')).toBeGreaterThan(0);
  });

  it('counts per address', () => {
    const limiter = createFailureLimiter({ maxFailures: 2 });
    limiter.recordFailure('127.0.0.1');
    limiter.recordFailure('127.0.0.1');
    expect(limiter.retryAfterMs('127.0.0.1')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('127.0.0.2')).toBe(0);
  });

  it('failures older than the window are forgotten', () => {
    const c = clock();
    const limiter = createFailureLimiter({ maxFailures: 3, windowMs: 10_000, now: c.now });
    limiter.recordFailure('a');
    limiter.recordFailure('a');
    c.advance(10_000);
    limiter.recordFailure('a');
    expect(limiter.retryAfterMs('a')).toBe(0);
  });

  it('remembers a bounded number of addresses', () => {
    const limiter = createFailureLimiter({ maxFailures: 1, maxAddresses: 2 });
    limiter.recordFailure('a');
    limiter.recordFailure('b');
    limiter.recordFailure('c');
    expect(limiter.retryAfterMs('a')).toBe(0);
    expect(limiter.retryAfterMs('b')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('c')).toBeGreaterThan(0);
  });
});
