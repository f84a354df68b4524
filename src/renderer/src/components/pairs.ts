/** Labels and driver options as typed: one key=value per line; blank lines are ignored. */
export type PairsResult = { ok: true; pairs: Record<string, string> } | { ok: false; line: number };

export function parsePairs(text: string): PairsResult {
  const pairs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (key === '' || /\s/.test(key)) return { ok: false, line: i + 1 };
    pairs[key] = line.slice(eq + 1);
  }
  return { ok: true, pairs };
}
