/**
 * A call that ends `failed` or `engine-unreachable` leaves a line in the log (channel, code, message), a handler's
 * own bug (a TypeError) is logged with its stack, and neither the input nor anything in it is ever written.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../src/main/core/dispatch';
import { WharfError } from '../../src/main/core/errors';
import type { Logger } from '../../src/main/core/log';

function recorder(): { log: Logger; lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  return { log: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

const handlersThat = (fail: () => never): Handlers => new Proxy({}, { get: () => fail }) as Handlers;

describe('dispatch logs what failed, never what was sent', () => {
  it('a handler that throws a TypeError answers failed and logs the error with its stack', async () => {
    const { log, lines } = recorder();
    const answer = await dispatch(
      handlersThat(() => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      }),
      'registryAccess.login',
      { server: 'localhost:5000', username: 'me', password: 'hunter2-secret' },
      log,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', message: 'registryAccess.login threw' });
    expect(String((lines[0]?.fields?.error as Error).stack)).toContain('TypeError');
    expect(JSON.stringify(lines)).not.toContain('hunter2-secret');
  });

  it('engine-unreachable is logged as a warning with the engine message; invalid input and not-found are not', async () => {
    const { log, lines } = recorder();
    await dispatch(handlersThat(() => { throw new WharfError('engine-unreachable', 'connect ENOENT /run/x.sock'); }), 'images.list', { filters: {}, all: false }, log);
    await dispatch(handlersThat(() => { throw new WharfError('not-found', 'no such image'); }), 'images.inspect', { image: 'busybox' }, log);
    await dispatch(handlersThat(() => { throw new WharfError('failed', 'never'); }), 'images.inspect', { image: 'bad input\u0000' }, log);
    expect(lines).toEqual([{ level: 'warn', message: 'images.list failed', fields: { code: 'engine-unreachable', message: 'connect ENOENT /run/x.sock' } }]);
  });
});
