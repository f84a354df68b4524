/** The `docker run` value grammars the CLI uses (go-units, go-connections), as pure functions for the form and the core. */
import { OBJECT_NAME } from './engine-names';

/** The engine's container name rule (validContainerNamePattern). */
export const CONTAINER_NAME = OBJECT_NAME;
/** The engine's volume name rule. */
export const VOLUME_NAME = OBJECT_NAME;
/** The engine refuses less memory than this (6 MiB). */
export const MIN_MEMORY = 6 * 1024 * 1024;

/** A command line split into words like a POSIX shell splits it (quotes and backslashes; nothing expanded). */
export function splitCommand(text: string): { words: string[] } | { error: 'unclosedQuote' } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] as string)) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { error: 'unclosedQuote' };
  if (inWord) words.push(word);
  return { words };
}

const MEMORY = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;
const UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes (what `-m 256m` means): binary units, a bare number is bytes. null when it does not parse. */
export function parseMemory(text: string): number | null {
  const m = MEMORY.exec(text);
  if (!m) return null;
  const size = Number.parseFloat(m[1] as string);
  if (!Number.isFinite(size)) return null;
  const unit = m[3] ? (UNITS[m[3].toLowerCase()] ?? 1) : 1;
  return Math.trunc(size * unit);
}

/** `--cpus 1.5` as NanoCpus, exactly (no float rounding); null when it does not parse or is too precise. */
export function parseCpus(text: string): number | null {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  const fraction = m[2] ?? '';
  if (fraction.replace(/0+$/, '').length > 9) return null;
  return Number(m[1] || '0') * 1e9 + Number(fraction.padEnd(9, '0').slice(0, 9));
}

/** The CLI's env-file grammar: KEY=VALUE lines, blank lines and # comments skipped, the value verbatim. */
export function parseEnvFile(text: string): { env: string[] } | { error: 'noName' | 'whitespace' | 'noValue'; line: number } {
  const env: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '').replace(/^[ \t\v\f]+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq === 0) return { error: 'noName', line: i + 1 };
    const name = eq < 0 ? line : line.slice(0, eq);
    if (/\s/.test(name)) return { error: 'whitespace', line: i + 1 };
    // The CLI would take a bare NAME from its own environment; Wharf's is not the user's shell, so it is refused.
    if (eq < 0) return { error: 'noValue', line: i + 1 };
    env.push(line);
  }
  return { env };
}

/** An IPv4 or IPv6 literal (what `-p IP:…` accepts). */
export function isIpLiteral(text: string): boolean {
  if (/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text)) return true;
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  const parts = text.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p === '' ? [] : p.split(':')));
  return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) && (parts.length === 2 ? groups.length < 8 : groups.length === 8);
}

/** A port number 1–65535 written as the CLI reads it. */
export function portNumber(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : null;
}
