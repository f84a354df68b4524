/**
 * Container logs on disk: how big each container's log files are (json-file and local drivers keep them under the
 * engine's data root; other drivers send lines elsewhere and keep no local file), and their truncation.
 */

/** Drivers whose lines Wharf can measure and truncate: files in <DockerRootDir>/containers/<id>/. */
export const FILE_LOG_DRIVERS = ['json-file', 'local'] as const;

export interface ContainerLogUsage {
  id: string;
  name: string;
  driver: string;
  /** The log files' bytes (current and rotated); null when the driver keeps no local file. */
  bytes: number | null;
  /** json-file without max-size: it grows without limit until the container is recreated with a limit. */
  unlimited: boolean;
  /** The container's log options (max-size, max-file, …) as the engine has them. */
  options: Record<string, string>;
  /** Its Compose project (com.docker.compose.project): `up --force-recreate` gives it new log settings. */
  project?: string;
}

export interface LogUsage {
  rows: ContainerLogUsage[];
  /** Sum of `bytes`. */
  total: number;
}

export interface TruncateLogsItem {
  id: string;
  name: string;
  outcome: 'truncated' | 'skipped' | 'failed';
  /** The size before. */
  bytes?: number;
  /** skipped: 'gone' (removed since the preview), 'no-local-file' (its driver keeps none); failed: the message. */
  reason?: string;
}

export interface TruncateLogsResult {
  items: TruncateLogsItem[];
  /** Bytes the truncation gave back. */
  freed: number;
  /** What ran as root (or, in web mode, what to run), for the record. */
  commands: string[][];
}

/**
 * The engine's default log settings for containers created from now on (daemon.json `log-driver`, `log-opts`):
 * the driver ('' = the engine's own default, json-file) and the json-file/local rotation limits ('' = none).
 */
export interface LogDefaults {
  driver: string;
  /** max-size: a number with an optional k, m or g (10m). */
  maxSize: string;
  /** max-file: how many files to keep (1 or more; more than 1 needs max-size with json-file). */
  maxFile: string;
}

export const NO_LOG_DEFAULTS: LogDefaults = { driver: '', maxSize: '', maxFile: '' };

/** i18n keys under containerLogs.defaults.problem. */
export type LogDefaultsProblem = 'driver' | 'max-size' | 'max-file' | 'max-file-needs-size';

/** The checks dockerd makes of these settings (it refuses to start with bad ones). */
export function checkLogDefaults(d: LogDefaults): Partial<Record<keyof LogDefaults, LogDefaultsProblem>> {
  const problems: Partial<Record<keyof LogDefaults, LogDefaultsProblem>> = {};
  if (d.driver !== '' && !/^[a-z0-9][a-z0-9_.-]{0,63}$/.test(d.driver)) problems.driver = 'driver';
  if (d.maxSize !== '' && !/^\d+(\.\d+)?[kmg]?$/i.test(d.maxSize.trim())) problems.maxSize = 'max-size';
  if (d.maxFile !== '' && !/^[1-9]\d{0,3}$/.test(d.maxFile.trim())) problems.maxFile = 'max-file';
  else if (d.maxFile.trim() !== '' && Number(d.maxFile) > 1 && d.maxSize.trim() === '' && (d.driver === '' || d.driver === 'json-file')) problems.maxFile = 'max-file-needs-size';
  return problems;
}

export function sameLogDefaults(a: LogDefaults, b: LogDefaults): boolean {
  return a.driver === b.driver && a.maxSize === b.maxSize && a.maxFile === b.maxFile;
}
