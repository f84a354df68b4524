/** Quote an argv for display (copy into a terminal): single quotes, no interpretation. Never executed by Wharf. */
export function shellQuote(argv: readonly string[]): string {
  // A leading "=" is quoted too: zsh expands "=cmd" to a path.
  return argv.map((a) => (/^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
