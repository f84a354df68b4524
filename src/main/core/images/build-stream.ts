/**
 * Pure readers of the engine's JSON-lines answers: /build (classic builder), /images/load and
 * /images/create?fromSrc. No I/O here, so they are unit-tested line by line.
 */
import type { BuildFailureDetails, BuildStep } from '../../../shared/image-build';
import { WharfError } from '../errors';

/** One message of the engine's JSON stream (jsonmessage.JSONMessage), as far as Wharf reads it. */
export interface EngineMessage {
  stream?: string;
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  aux?: { ID?: string };
  error?: string;
  errorDetail?: { code?: number; message?: string };
}

/** Splits a byte stream into JSON messages; a line that is not JSON is kept as `{stream: line}`. */
export function createJsonLineSplitter(): { push(chunk: string): EngineMessage[]; end(): EngineMessage[] } {
  let pending = '';
  const parse = (line: string): EngineMessage | undefined => {
    const text = line.trim();
    if (text === '') return undefined;
    try {
      const value: unknown = JSON.parse(text);
      return value && typeof value === 'object' ? (value as EngineMessage) : { stream: `${text}\n` };
    } catch {
      return { stream: `${text}\n` }; // not JSON: the engine's plain output, shown as it is
    }
  };
  const take = (lines: string[]): EngineMessage[] => lines.map(parse).filter((m): m is EngineMessage => m !== undefined);
  return {
    push(chunk) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      return take(lines);
    },
    end() {
      const rest = pending;
      pending = '';
      return take([rest]);
    },
  };
}

/** The engine's error text of a message, if it is an error. */
export function messageError(message: EngineMessage): string | undefined {
  const text = message.errorDetail?.message ?? message.error;
  if (typeof text === 'string' && text !== '') return text;
  return message.errorDetail !== undefined || message.error !== undefined ? 'unknown error' : undefined;
}

/** Terminal escape sequences (the engine paints a RUN's stderr red with SGR codes); the log is plain text. */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

export function plainText(line: string): string {
  return line.replace(ANSI, '');
}

const STEP = /^Step (\d+)\/(\d+) : (.*)$/;

export function parseStep(line: string): BuildStep | undefined {
  const m = STEP.exec(line);
  return m ? { n: Number(m[1]), m: Number(m[2]), instruction: m[3] ?? '' } : undefined;
}

/** What one build message means for the task. */
export interface BuildEvents {
  /** Complete log lines (without newline). */
  lines: string[];
  /** The latest "Step n/m" among these lines. */
  step?: BuildStep;
  /** aux.ID: the built image. */
  imageId?: string;
  error?: string;
}

/**
 * Reads /build's messages in order. `stream` text is cut into lines (a RUN's output may arrive without a
 * final newline; it is held until the next newline or flush). Pull progress while `--pull` refreshes the
 * base image is logged once per status, not per progress tick.
 */
export function createBuildStreamReader(): { read(message: EngineMessage): BuildEvents; flush(): string[] } {
  let partial = '';
  const cut = (text: string): string[] => {
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    return parts.map((line) => plainText(line.replace(/\r$/, '').replace(/^[\s\S]*\r/, '')));
  };
  const flush = (): string[] => {
    const rest = plainText(partial.replace(/\r$/, ''));
    partial = '';
    return rest === '' ? [] : [rest];
  };
  return {
    flush,
    read(message) {
      const events: BuildEvents = { lines: [] };
      if (typeof message.stream === 'string') events.lines = cut(message.stream);
      else if (typeof message.status === 'string' && !message.progressDetail?.total) {
        events.lines = [message.id ? `${message.id}: ${message.status}` : message.status];
      }
      for (const line of events.lines) events.step = parseStep(line) ?? events.step;
      if (typeof message.aux?.ID === 'string') events.imageId = message.aux.ID;
      const error = messageError(message);
      if (error !== undefined) {
        events.lines.push(...flush(), error);
        events.error = error;
      }
      return events;
    },
  };
}

/** The image a classic build announced in its text, when the engine sent no aux.ID ("Successfully built 1a2b3c"). */
export function builtIdFromLine(line: string): string | undefined {
  return /^Successfully built ([0-9a-f]{12,64})$/.exec(line)?.[1];
}

/** /images/load's answer: the "Loaded image: …" and "Loaded image ID: …" references, or the error. */
export function readLoadAnswer(messages: EngineMessage[]): { loaded: string[]; error?: string } {
  const loaded: string[] = [];
  for (const message of messages) {
    const error = messageError(message);
    if (error !== undefined) return { loaded, error };
    for (const line of (message.stream ?? '').split('\n')) {
      const m = /^Loaded image(?: ID)?: (\S+)\s*$/.exec(line.trim());
      if (m?.[1]) loaded.push(m[1]);
    }
  }
  return { loaded };
}

/** /images/create?fromSrc's answer: the new image ID is the last status, or the error. */
export function readImportAnswer(messages: EngineMessage[]): { id?: string; error?: string } {
  let id: string | undefined;
  for (const message of messages) {
    const error = messageError(message);
    if (error !== undefined) return { error };
    const status = message.status?.trim();
    if (status && /^sha256:[0-9a-f]{64}$/.test(status)) id = status;
  }
  return { id };
}

/** The engine's error, with the step that failed (classic builder) in the message and in the details. */
export function buildFailure(message: string, step: BuildStep | undefined): WharfError {
  const details: BuildFailureDetails = step ? { step, message } : { message };
  const text = step ? `Step ${step.n}/${step.m} : ${step.instruction}: ${message}` : message;
  return new WharfError('failed', text, details);
}
