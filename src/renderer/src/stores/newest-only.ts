/**
 * Overlapping calls of one kind (events during a filter change, a button pressed twice) may answer out of order.
 * Each call takes a turn; only the newest turn's answer may be used:
 *
 *   const isNewest = turn();  const answer = await call(…);  if (!isNewest()) return;
 */
export function newestOnly(): () => () => boolean {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return () => mine === latest;
  };
}
