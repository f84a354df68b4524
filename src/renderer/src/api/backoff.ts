const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 5000;

/** Delay before reconnect attempt `attempt` (0-based): doubles up to a few seconds, with a little jitter. */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
