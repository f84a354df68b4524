import { randomBytes } from 'node:crypto';

/**
 * Single-use secrets that expire: the login ticket in the printed URL (60 s) and the WebSocket's ticket. A ticket
 * is a random string the server remembers until it is used or too old; it never grants anything twice.
 */
export interface TicketStore {
  issue(): string;
  /** True once per issued ticket, and only before it expires; anything else is false. */
  consume(ticket: string | undefined): boolean;
}

export interface TicketStoreOptions {
  ttlMs: number;
  now?: () => number;
  /** Outstanding tickets kept at most; the oldest go first (bounds memory against a caller minting many). */
  max?: number;
}

export function createTicketStore(options: TicketStoreOptions): TicketStore {
  const now = options.now ?? Date.now;
  const max = options.max ?? 1000;
  // Insertion order is expiry order (one TTL for all), so pruning stops at the first live ticket.
  const expiries = new Map<string, number>();

  const prune = (): void => {
    const t = now();
    for (const [ticket, expiresAt] of expiries) {
      if (expiresAt > t) break;
      expiries.delete(ticket);
    }
  };

  return {
    issue(): string {
      prune();
      while (expiries.size >= max) {
        const oldest = expiries.keys().next().value;
        if (oldest === undefined) break;
        expiries.delete(oldest);
      }
      const ticket = randomBytes(24).toString('base64url');
      expiries.set(ticket, now() + options.ttlMs);
      return ticket;
    },
    consume(ticket: string | undefined): boolean {
      if (!ticket) return false;
      const expiresAt = expiries.get(ticket);
      if (expiresAt === undefined) return false;
      expiries.delete(ticket);
      return now() < expiresAt;
    },
  };
}
