/** What the core and the transports log through. Never pass secrets (tokens, passwords, registry auth). */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function line(level: string, message: string, fields?: Record<string, unknown>): string {
  const extra = fields === undefined ? '' : ` ${safeJson(fields)}`;
  return `${new Date().toISOString()} ${level} ${message}${extra}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v));
  } catch {
    return '[unserializable]'; // a cycle or a BigInt: the line still gets written
  }
}

/** Lines on stderr: web mode's terminal, the desktop's launcher log. */
export const stderrLogger: Logger = {
  info: (m, f) => process.stderr.write(`${line('info', m, f)}\n`),
  warn: (m, f) => process.stderr.write(`${line('warn', m, f)}\n`),
  error: (m, f) => process.stderr.write(`${line('error', m, f)}\n`),
};

/** For tests and callers that log nowhere. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
