/**
 * A network create the engine refuses is told by what the refusal means: "Pool overlaps with other one on this
 * address space" (libnetwork's ErrPoolOverlap, which the engine sends as HTTP 403) is a conflict at the subnet
 * field, never "permission denied"; other refusals keep the engine's answer.
 */
import { describe, expect, it } from 'vitest';
import { engineError } from '../../src/main/core/engine/engine-errors';
import { toErrorInfo } from '../../src/main/core/errors';
import { networkCreateFailure } from '../../src/main/core/networks/create-failure';

/** What dockerode (docker-modem) rejects with — the HTTP status and the engine's JSON body — as the engine layer throws it on. */
function engineAnswer(statusCode: number, message: string): unknown {
  return engineError(Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message}`), { statusCode, json: { message } }));
}

describe('networkCreateFailure', () => {
  it.each([
    ['dockerd 20.10', 'Pool overlaps with other one on this address space'],
    ['dockerd 26', 'invalid pool request: Pool overlaps with other one on this address space'],
  ])('%s: an overlapping subnet → conflict at the subnet field, with the engine message', (_engine, message) => {
    expect(toErrorInfo(networkCreateFailure(engineAnswer(403, message)))).toEqual({ code: 'conflict', message, details: { problems: { subnet: 'subnetOverlaps' } } });
  });

  it('a name that exists stays the engine’s 409 conflict, with no field guessed', () => {
    const error = engineAnswer(409, 'network with name backend already exists');
    expect(toErrorInfo(networkCreateFailure(error))).toEqual({ code: 'conflict', message: 'network with name backend already exists' });
  });

  it('another 403 (an authorization plugin) is the engine refusing, not permission denied', () => {
    const message = 'authorization denied by plugin opa-docker-authz: request rejected by administrative policy';
    expect(toErrorInfo(networkCreateFailure(engineAnswer(403, message)))).toEqual({ code: 'failed', message, details: { reason: 'engine-forbidden' } });
  });
});
