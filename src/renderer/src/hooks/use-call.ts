import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { WharfErrorInfo } from '../../../shared/errors';
import { call } from '../api/client';

export interface CallState<T> {
  data: T | undefined;
  error: WharfErrorInfo | undefined;
  loading: boolean;
  /** Call again (the answer replaces data or error when it comes). */
  refresh(): void;
}

/**
 * One channel's answer for a component: called when the component shows and whenever `key` changes, and again on
 * refresh(). An answer that comes after the component went away, or after a newer call, is dropped.
 */
export function useCall<C extends Channel>(channel: C, input: ChannelInput<C>, key = ''): CallState<ChannelOutput<C>> {
  const [round, setRound] = useState(0);
  const [state, setState] = useState<{ data?: ChannelOutput<C>; error?: WharfErrorInfo; done: number }>({ done: -1 });

  useEffect(() => {
    let live = true;
    void call(channel, input).then((answer) => {
      if (!live) return;
      setState(answer.ok ? { data: answer.value, done: round } : { error: answer.error, done: round });
    });
    return () => {
      live = false;
    };
    // The input is read when the call is made; `key` says when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key, round]);

  const refresh = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.done !== round, refresh };
}
