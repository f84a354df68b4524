/** Streams per page connection: inputs validated, ends reported once, closing aborts the handler. */
import { describe, expect, it } from 'vitest';
import { connectStreams, type StreamHandlers } from '../../src/main/core/streams/stream-hub';
import type { StreamServerMessage } from '../../src/shared/streams';
import { engineError } from '../../src/main/core/engine/engine-errors';

const SID = 'abcdef12-3456';
const INPUT = { id: 'web', follow: true, tail: 10, timestamps: false };

function setup(handler: StreamHandlers['containers.logs']) {
  const sent: StreamServerMessage[] = [];
  const unused: StreamHandlers['containers.exec'] = async () => undefined;
  const connection = connectStreams({ 'containers.logs': handler, 'containers.exec': unused, 'containers.stats': async () => undefined, 'compose.logs': async () => undefined }, { send: (m) => sent.push(m), congested: () => false });
  return { sent, connection };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('connectStreams', () => {
  it('refuses an unknown stream and an invalid input, without running a handler', async () => {
    let ran = false;
    const { sent, connection } = setup(async () => {
      ran = true;
    });
    connection.open(SID, 'containers.nope', INPUT);
    connection.open('other-sid-1', 'containers.logs', { ...INPUT, tail: -1 });
    await tick();
    expect(ran).toBe(false);
    expect(sent.map((m) => (m.type === 'stream.end' ? m.error?.code : m.type))).toEqual(['not-found', 'invalid-input']);
  });

  it('sends data then one end when the handler returns; a handler error ends it with the error', async () => {
    const { sent, connection } = setup(async (_input, ctx) => {
      ctx.send({ lines: [{ stream: 'stdout', text: 'hi' }] });
      if (_input.tail === 0) throw engineError(Object.assign(new Error('No such container: web'), { statusCode: 404 }));
    });
    connection.open(SID, 'containers.logs', INPUT);
    connection.open('second-sid-2', 'containers.logs', { ...INPUT, tail: 0 });
    await tick();
    expect(sent).toEqual([
      { type: 'stream.data', sid: SID, data: { lines: [{ stream: 'stdout', text: 'hi' }] } },
      { type: 'stream.data', sid: 'second-sid-2', data: { lines: [{ stream: 'stdout', text: 'hi' }] } },
      { type: 'stream.end', sid: SID },
      { type: 'stream.end', sid: 'second-sid-2', error: { code: 'not-found', message: 'No such container: web' } },
    ]);
  });

  it('close aborts the handler and nothing is sent after it', async () => {
    let aborted = false;
    let late: ((text: string) => void) | undefined;
    const { sent, connection } = setup(
      (_input, ctx) =>
        new Promise<void>((resolve) => {
          late = (text) => ctx.send({ lines: [{ stream: 'stdout', text }] });
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
        }),
    );
    connection.open(SID, 'containers.logs', INPUT);
    await tick();
    connection.close(SID);
    late?.('after close');
    await tick();
    expect(aborted).toBe(true);
    expect(sent).toEqual([{ type: 'stream.end', sid: SID }]);
  });

  it('closeAll aborts every stream of the connection; a bad stream id is ignored', async () => {
    let aborted = 0;
    const { connection, sent } = setup(
      (_input, ctx) => new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => (aborted += 1, resolve()))),
    );
    connection.open(SID, 'containers.logs', INPUT);
    connection.open('another-sid-3', 'containers.logs', INPUT);
    connection.open('x', 'containers.logs', INPUT);
    await tick();
    connection.closeAll();
    await tick();
    expect(aborted).toBe(2);
    expect(sent).toEqual([]);
  });
});
