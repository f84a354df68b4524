/** Container log bytes → lines: frames and lines split anywhere, stdout and stderr apart, TTY as is. */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, createLogDecoder, type LogLine } from '../../src/main/core/streams/log-lines';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function decode(tty: boolean, chunks: Buffer[]): LogLine[] {
  const lines: LogLine[] = [];
  const decoder = createLogDecoder(tty, (l) => lines.push(l));
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return lines;
}

/** Every way of cutting `bytes` in two. */
function everySplit(bytes: Buffer): Buffer[][] {
  return Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]);
}

describe('createLogDecoder without a TTY', () => {
  const bytes = Buffer.concat([frame(1, 'out one\nout '), frame(2, 'err 一\n'), frame(1, 'two\n')]);
  const expected: LogLine[] = [
    { stream: 'stdout', text: 'out one' },
    { stream: 'stderr', text: 'err 一' },
    { stream: 'stdout', text: 'out two' },
  ];

  it('tells stdout from stderr and joins a line split across frames', () => {
    expect(decode(false, [bytes])).toEqual(expected);
  });

  it('gives the same lines however the bytes are chunked (headers and UTF-8 split too)', () => {
    for (const chunks of everySplit(bytes)) expect(decode(false, chunks)).toEqual(expected);
  });

  it('emits an unterminated last line at the end', () => {
    expect(decode(false, [frame(1, 'no newline')])).toEqual([{ stream: 'stdout', text: 'no newline' }]);
  });
});

describe('createLogDecoder with a TTY', () => {
  it('reads the bytes as the terminal wrote them, CRLF as line ends', () => {
    expect(decode(true, [Buffer.from('a\r\nb\r'), Buffer.from('\nc')])).toEqual([
      { stream: 'stdout', text: 'a' },
      { stream: 'stdout', text: 'b' },
      { stream: 'stdout', text: 'c' },
    ]);
  });

  it('cuts a line that never ends into bounded pieces', () => {
    const lines = decode(true, [Buffer.from('x'.repeat(MAX_LINE_CHARS * 2 + 5))]);
    expect(lines.map((l) => l.text.length)).toEqual([MAX_LINE_CHARS, MAX_LINE_CHARS, 5]);
  });
});
