/**
 * Container log bytes → lines, pure. Without a TTY the engine multiplexes stdout and stderr in frames of
 * an 8-byte header (stream type, 3 zero bytes, big-endian payload length) and the payload; with a TTY the
 * bytes are the terminal's output as is. Frames and lines may be split anywhere across chunks.
 */

export type LogStream = 'stdout' | 'stderr';
export interface LogLine {
  stream: LogStream;
  text: string;
}

const HEADER = 8;
/** A line longer than this is cut (a process printing megabytes without a newline must not fill memory). */
export const MAX_LINE_CHARS = 16_384;

function lineSplitter(stream: LogStream, emit: (line: LogLine) => void): { push(text: string): void; flush(): void } {
  let partial = '';
  return {
    push(text) {
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      for (const part of parts) emit({ stream, text: part.endsWith('\r') ? part.slice(0, -1) : part });
      while (partial.length > MAX_LINE_CHARS) {
        emit({ stream, text: partial.slice(0, MAX_LINE_CHARS) });
        partial = partial.slice(MAX_LINE_CHARS);
      }
    },
    flush() {
      if (partial !== '') emit({ stream, text: partial });
      partial = '';
    },
  };
}

export interface LogDecoder {
  push(chunk: Buffer): void;
  /** The stream ended: emit what is left as a last line. */
  end(): void;
}

export function createLogDecoder(tty: boolean, emit: (line: LogLine) => void): LogDecoder {
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const splitters = { stdout: lineSplitter('stdout', emit), stderr: lineSplitter('stderr', emit) };
  if (tty) {
    return {
      push: (chunk) => splitters.stdout.push(decoders.stdout.decode(chunk, { stream: true })),
      end: () => {
        splitters.stdout.push(decoders.stdout.decode());
        splitters.stdout.flush();
      },
    };
  }
  let pending: Buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= HEADER) {
        const size = pending.readUInt32BE(4);
        if (pending.length < HEADER + size) break;
        // 1 = stdout, 2 = stderr (0 = stdin is never sent back); anything else is treated as stdout.
        const stream: LogStream = pending[0] === 2 ? 'stderr' : 'stdout';
        splitters[stream].push(decoders[stream].decode(pending.subarray(HEADER, HEADER + size), { stream: true }));
        pending = pending.subarray(HEADER + size);
      }
    },
    end() {
      for (const stream of ['stdout', 'stderr'] as const) {
        splitters[stream].push(decoders[stream].decode());
        splitters[stream].flush();
      }
    },
  };
}
