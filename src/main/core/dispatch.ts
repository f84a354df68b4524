import { z } from 'zod';
import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';
import { contract, isChannel } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { errorEnvelope, okEnvelope } from '../../shared/errors';
import { toErrorInfo } from './errors';

/** One handler per channel, receiving the already validated input. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

/** Validates the input against the contract before any handler runs, and answers the envelope — never throws. */
export async function dispatch(handlers: Handlers, channel: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return errorEnvelope('not-found', `unknown channel "${channel}"`);
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    return errorEnvelope('invalid-input', z.prettifyError(parsed.error), {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown> | unknown;
    return okEnvelope(await handler(parsed.data));
  } catch (error) {
    const info = toErrorInfo(error);
    return { ok: false, error: info };
  }
}
