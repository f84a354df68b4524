/**
 * dispatch: input is validated against the contract before any handler runs, every call answers an
 * envelope with one of the contract's codes, and it never throws.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Channel } from '../../src/shared/contract';
import { CHANNELS } from '../../src/shared/contract';
import type { Envelope, ErrorCode } from '../../src/shared/errors';
import type { Handlers } from '../../src/main/core/dispatch';
import { dispatch } from '../../src/main/core/dispatch';
import { WharfError, toErrorInfo } from '../../src/main/core/errors';
import { engineError } from '../../src/main/core/engine/engine-errors';

type Spy = ReturnType<typeof vi.fn>;

/** Handlers that record their calls; `impl` replaces the body of one channel's handler. */
function spyHandlers(impl: Partial<Record<Channel, (input: unknown) => unknown>> = {}): { handlers: Handlers; spies: Record<Channel, Spy> } {
  const spies = {} as Record<Channel, Spy>;
  for (const channel of CHANNELS) spies[channel] = vi.fn(impl[channel] ?? (() => ({ answeredBy: channel })));
  return { handlers: spies as unknown as Handlers, spies };
}

function noneCalled(spies: Record<Channel, Spy>): void {
  for (const channel of CHANNELS) expect(spies[channel], channel).not.toHaveBeenCalled();
}

function errorOf(envelope: Envelope<unknown>): { code: ErrorCode; message: string; details?: unknown } {
  if (envelope.ok) throw new Error(`expected an error envelope, got ${JSON.stringify(envelope)}`);
  return envelope.error;
}

/** Dispatches tasks.cancel (valid input) to a handler that throws `thrown`. */
async function thrownBecomes(thrown: unknown): Promise<{ code: ErrorCode; message: string; details?: unknown }> {
  const { handlers } = spyHandlers({
    'tasks.cancel': () => {
      throw thrown;
    },
  });
  return errorOf(await dispatch(handlers, 'tasks.cancel', { id: 'abc' }));
}

describe('validation before handlers', () => {
  it('passes valid input to the channel handler and answers ok with its value', async () => {
    const { handlers, spies } = spyHandlers({ 'tasks.cancel': (input) => ({ cancelled: input }) });
    const envelope = await dispatch(handlers, 'tasks.cancel', { id: 'abc-123' });
    expect(envelope).toEqual({ ok: true, value: { cancelled: { id: 'abc-123' } } });
    expect(spies['tasks.cancel']).toHaveBeenCalledTimes(1);
    expect(spies['tasks.cancel']).toHaveBeenCalledWith({ id: 'abc-123' });
  });

  it('awaits async handlers', async () => {
    const { handlers } = spyHandlers({ 'app.info': async () => ({ version: '0.1.0' }) });
    expect(await dispatch(handlers, 'app.info', {})).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it.each([
    ['app.info', { extra: 1 }],
    ['app.info', null],
    ['app.info', 'text'],
    ['tasks.cancel', {}],
    ['tasks.cancel', { id: 'NOT A TASK ID' }],
    ['tasks.cancel', { id: 'abc', force: true }],
  ] as Array<[Channel, unknown]>)('%s with %j answers invalid-input and runs no handler', async (channel, input) => {
    const { handlers, spies } = spyHandlers();
    const envelope = await dispatch(handlers, channel, input);
    expect(errorOf(envelope).code).toBe('invalid-input');
    noneCalled(spies);
  });

  it('says which field was wrong', async () => {
    const { handlers } = spyHandlers();
    const error = errorOf(await dispatch(handlers, 'tasks.cancel', { id: 7 }));
    expect(JSON.stringify(error.details)).toContain('id');
  });

  it.each(['images.nuke', '', '__proto__', 'toString', 'constructor', 'wharf:app.info'])('unknown channel %j answers not-found and runs no handler', async (channel) => {
    const { handlers, spies } = spyHandlers();
    const envelope = await dispatch(handlers, channel, {});
    expect(errorOf(envelope).code).toBe('not-found');
    noneCalled(spies);
  });
});

describe('errors thrown by handlers', () => {
  it('keeps a WharfError code, message and details', async () => {
    expect(await thrownBecomes(new WharfError('conflict', 'image is in use', { containers: ['web'] }))).toEqual({
      code: 'conflict',
      message: 'image is in use',
      details: { containers: ['web'] },
    });
  });

  it.each([
    [404, 'not-found', 'No such image: busybox:nope'],
    [409, 'conflict', 'conflict: unable to remove repository reference "busybox" (must force) - container 1234 is using its referenced image 5678'],
    [400, 'invalid-input', 'invalid reference format'],
    // A registry refused the credentials the engine passed on (what the login flow reports as refused).
    [401, 'permission-denied', 'unauthorized: authentication required'],
    [500, 'failed', 'driver failed programming external connectivity'],
  ] as Array<[number, ErrorCode, string]>)('dockerode HTTP %d → %s with the engine message', async (statusCode, code, engineMessage) => {
    // What dockerode (docker-modem) rejects with — the HTTP status and the engine's JSON body — as the engine layer throws it on.
    const error = engineError(
      Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${engineMessage}`), {
        statusCode,
        reason: 'unexpected',
        json: { message: engineMessage },
      }),
    );
    expect(await thrownBecomes(error)).toEqual({ code, message: engineMessage });
  });

  it.each([
    ['an authorization plugin', 'authorization denied by plugin opa-docker-authz: request rejected by administrative policy'],
    ['a protected object', 'bridge is a pre-defined network and cannot be removed'],
    ['an overlapping subnet (before the networks service names the field)', 'Pool overlaps with other one on this address space'],
  ])('dockerode HTTP 403 (%s) → failed with the engine message, not permission-denied (that is EACCES on the socket)', async (_case, engineMessage) => {
    const error = engineError(Object.assign(new Error(`(HTTP code 403) unexpected - ${engineMessage}`), { statusCode: 403, reason: 'unexpected', json: { message: engineMessage } }));
    expect(await thrownBecomes(error)).toEqual({ code: 'failed', message: engineMessage, details: { reason: 'engine-forbidden' } });
  });

  it.each([
    ['EACCES', 'permission-denied'],
    ['ECONNREFUSED', 'engine-unreachable'],
    ['ENOENT', 'engine-unreachable'],
  ] as Array<[string, ErrorCode]>)('Node system error %s → %s', async (errno, code) => {
    const error = Object.assign(new Error(`connect ${errno} /var/run/docker.sock`), { code: errno, syscall: 'connect', address: '/var/run/docker.sock' });
    const info = await thrownBecomes(error);
    expect(info.code).toBe(code);
    expect(info.message).toContain('/var/run/docker.sock');
  });

  it('an AbortError (DOMException from AbortSignal) → cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await thrownBecomes(controller.signal.reason)).code).toBe('cancelled');
    expect((await thrownBecomes(new DOMException('The operation was aborted', 'AbortError'))).code).toBe('cancelled');
  });

  it.each([
    ['a plain Error', new Error('boom')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
  ])('anything else (%s) → failed', async (_name, thrown) => {
    expect((await thrownBecomes(thrown)).code).toBe('failed');
  });

  it('a rejected promise is mapped the same as a synchronous throw', async () => {
    const { handlers } = spyHandlers({ 'tasks.cancel': () => Promise.reject(engineError(Object.assign(new Error('x'), { statusCode: 404, json: { message: 'no task' } }))) });
    expect(errorOf(await dispatch(handlers, 'tasks.cancel', { id: 'abc' }))).toEqual({ code: 'not-found', message: 'no task' });
  });

  it.each([
    ['an Error', new Error('x')],
    ['null', null],
    ['a Symbol', Symbol('s')],
    ['an object with a non-numeric statusCode', { statusCode: 'x' }],
    ['an object without a prototype', Object.create(null) as unknown],
  ])('never throws, even when a handler throws %s', async (_name, thrown) => {
    const { handlers } = spyHandlers({
      'app.info': () => {
        throw thrown;
      },
    });
    await expect(dispatch(handlers, 'app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('every error envelope has a string message and can be sent as JSON', async () => {
    for (const thrown of [new Error('x'), 'x', null, { statusCode: 404, json: { message: 'gone' } }, Object.assign(new Error('y'), { code: 'EACCES' })]) {
      const info = toErrorInfo(thrown);
      expect(typeof info.message).toBe('string');
      expect(JSON.parse(JSON.stringify(info))).toEqual(info);
    }
  });
});
