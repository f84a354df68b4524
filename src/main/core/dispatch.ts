import { z } from 'zod';
import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';
import { contract, isChannel } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { errorEnvelope, okEnvelope } from '../../shared/errors';
import { toErrorInfo, WharfError } from './errors';
import type { Logger } from './log';

/** One handler per channel of a set (an area's channels), receiving the already validated input. */
export type HandlersOf<Channels> = { [C in keyof Channels & Channel]: (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C> };

/** One handler per channel of the contract: the areas' slices put together (create-core.ts). */
export type Handlers = HandlersOf<Record<Channel, unknown>>;

/** Codes worth a line in the log: the call broke, or the engine was not there. Inputs are never logged (passwords). */
const LOGGED_CODES = new Set(['failed', 'engine-unreachable']);

/** Validates the input against the contract before any handler runs, and answers the envelope — never throws. */
export async function dispatch(handlers: Handlers, channel: string, rawInput: unknown, log?: Logger): Promise<Envelope<unknown>> {
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
    // A bug (TypeError…) rather than an answer from the engine or the OS: keep its stack for the report.
    const unexpected = error instanceof Error && !(error instanceof WharfError) && !('statusCode' in error) && !('code' in error);
    if (unexpected) log?.error(`${channel} threw`, { code: info.code, error });
    else if (LOGGED_CODES.has(info.code)) log?.warn(`${channel} failed`, { code: info.code, message: info.message });
    return { ok: false, error: info };
  }
}
