/** The diagnostics text: Wharf and Node versions, the OS, the engine as connected, then the log's last lines. */
import { readFileSync } from 'node:fs';
import { arch, release } from 'node:os';
import type { AppInfo } from '../../shared/channels/engine';
import { DIAGNOSTICS_LOG_LINES, type Diagnostics } from '../../shared/diagnostics';
import type { EngineConnection } from './engine/connection';
import type { Logger } from './log';
import type { FileLogger } from './log-file';

function osName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(text)?.[1] ?? 'unknown';
  } catch {
    return 'unknown'; // not Linux, or no os-release: the kernel line below still says what runs
  }
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** A pino JSON line as a person reads it: time, level, message, then the other fields. */
function readable(line: string): string {
  try {
    const { time, level, msg, ...rest } = JSON.parse(line) as { time?: string; level?: number; msg?: string } & Record<string, unknown>;
    const fields = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    return `${time ?? ''} ${LEVELS[level ?? 30] ?? String(level)} ${msg ?? ''}${fields}`;
  } catch {
    return line; // not one of pino's lines (a partial write): as it is
  }
}

function isFileLogger(logger: Logger): logger is FileLogger {
  return 'tail' in logger && 'path' in logger;
}

export function collectDiagnostics(app: AppInfo, connection: EngineConnection, logger: Logger): Diagnostics {
  const status = connection.status();
  const lines = isFileLogger(logger) ? logger.tail(DIAGNOSTICS_LOG_LINES) : [];
  const text = [
    `Wharf ${app.version} (${app.mode}), Node ${process.versions.node}`,
    `OS: ${osName()}, kernel ${release()} ${arch()}`,
    `Engine: ${status.endpoint.host || '(unresolved)'} (${status.endpoint.source}): ${status.state}` +
      (status.serverVersion ? `, Docker ${status.serverVersion}` : '') +
      (status.apiVersion ? `, API ${status.apiVersion}` : '') +
      (status.detail && status.state !== 'connected' ? ` — ${status.detail}` : ''),
    `Log: ${isFileLogger(logger) ? logger.path : 'stderr only'}`,
    '',
    `--- the log's last ${lines.length} lines ---`,
    ...lines.map(readable),
  ].join('\n');
  return { logPath: isFileLogger(logger) ? logger.path : null, text, logLines: lines.length };
}
