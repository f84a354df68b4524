/**
 * Terminal columns of a string as the CLI counts them (go-runewidth, and golang.org/x/text/width for Ellipsis):
 * East Asian Wide and Fullwidth characters take 2, combining marks and control characters 0, the rest 1.
 * Ambiguous characters count 1, as go-runewidth does outside a CJK locale.
 */

/** East Asian Wide (W) and Fullwidth (F) ranges, including the emoji presentation blocks. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

const ZERO = /^[\p{Mn}\p{Me}\p{Cc}\u200b-\u200f\u2028\u2029]$/u;

function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return WIDE.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** go-runewidth's RuneWidth, as the tabwriter measures cells. */
export function charWidth(ch: string): number {
  if (ZERO.test(ch)) return 0;
  return isWide(ch) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/**
 * formatter.Ellipsis: cuts `text` to `max` columns, the last of them "…"; a string that fits is returned as is.
 * It measures with golang.org/x/text/width: Wide and Fullwidth take 2, everything else (controls too) 1.
 */
export function ellipsis(text: string, max: number): string {
  if (max <= 0) return '';
  const chars = [...text];
  if (max === 1) return chars[0] ?? '';
  const widths = chars.map((ch) => (isWide(ch) ? 2 : 1));
  if (widths.reduce((a, b) => a + b, 0) <= max) return text;
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    width += widths[i] ?? 1;
    const next = width + (widths[i + 1] ?? 0);
    if (width <= max - 1 && next > max - 1) return `${chars.slice(0, i + 1).join('')}…`;
  }
  // Go's loop finds no cut when the first character alone is wider than max - 1: the string stays whole.
  return text;
}
