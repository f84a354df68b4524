/** Settings → Diagnostics: what a user sends with a report. Never secrets (the log redacts them too). */
export interface Diagnostics {
  /** wharf.log's path, or null when this Wharf logs only to stderr. */
  logPath: string | null;
  /** Plain text to paste into a report: versions, OS, engine, then the log's last lines. */
  text: string;
  /** How many log lines the text carries. */
  logLines: number;
}

/** How many of the log's last lines go into the diagnostics text. */
export const DIAGNOSTICS_LOG_LINES = 200;
