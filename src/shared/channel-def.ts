import type { z } from 'zod';

export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
}

/** `out<T>()(schema)` keeps the output type without a runtime value. */
export function out<O>() {
  return <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input, output: undefined as O });
}
