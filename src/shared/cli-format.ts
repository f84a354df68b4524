/** `--format` for scripts and "Copy as --format": the docker CLI's text, or the error it would print. */

export interface CliFormatText {
  /** Byte for byte what the CLI prints on stdout. */
  text: string;
}

/** details of the invalid-input envelope when the template is wrong: the CLI's own message, to show at the field. */
export interface CliFormatFailure {
  problems: { format: 'template' };
  /** What the CLI prints on stderr, e.g. "template parsing error: template: :1:8: executing …". */
  cliError: string;
}

export function isCliFormatFailure(details: unknown): details is CliFormatFailure {
  if (!details || typeof details !== 'object') return false;
  const d = details as Partial<CliFormatFailure>;
  return typeof d.cliError === 'string' && d.problems?.format === 'template';
}

/** Longest format accepted: a template, not a document. */
export const FORMAT_MAX = 4096;
