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
