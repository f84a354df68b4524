import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { WharfErrorInfo } from '../../../shared/errors';
import { call } from '../api/client';

export interface CallOptions {
  /** False while the input is not ready (nothing typed yet): nothing is called. */
  enabled?: boolean;
  /** Calls only once the input stopped changing for this long (typing); refresh() calls at once. */
  delayMs?: number;
}

export interface CallState<T> {
  /** The newest answer that worked: kept while a newer call is out, and when a newer one fails. */
  data: T | undefined;
  /** Why the newest answer failed; cleared by the next one that works. */
  error: WharfErrorInfo | undefined;
  /** True until the answer for the current input (and the latest refresh) is in. */
  loading: boolean;
  /** Calls again at once (the answer replaces data or error when it comes). */
  refresh(): void;
}

interface Answer<T> {
  /** The call it answers (round and input). */
  for: string | null;
  data?: T;
  error?: WharfErrorInfo;
}

/**
 * One channel's answer for a component: called when the component shows, whenever the input changes (compared by
 * value), and on refresh(). An answer that comes after the component went away, or after a newer call, is dropped.
 */
export function useCall<C extends Channel>(channel: C, input: ChannelInput<C>, { enabled = true, delayMs = 0 }: CallOptions = {}): CallState<ChannelOutput<C>> {
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<Answer<ChannelOutput<C>>>({ for: null });
  const asked = `${round} ${channel} ${JSON.stringify(input)}`;
  /** The round of the last effect: when it changed, the effect runs for a refresh, which does not wait. */
  const lastRound = useRef(round);

  useEffect(() => {
    const refreshed = lastRound.current !== round;
    lastRound.current = round;
    if (!enabled) return undefined;
    let live = true;
    const ask = (): void => {
      void call(channel, input).then((envelope) => {
        if (!live) return;
        setAnswer((before) => (envelope.ok ? { for: asked, data: envelope.value } : { for: asked, data: before.data, error: envelope.error }));
      });
    };
    const timer = delayMs > 0 && !refreshed ? setTimeout(ask, delayMs) : undefined;
    if (timer === undefined) ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `asked` holds the channel, the input (by value) and the round: it says when a new call is due.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked, enabled, delayMs]);

  const refresh = useCallback(() => setRound((r) => r + 1), []);
  return { data: answer.data, error: answer.error, loading: enabled && answer.for !== asked, refresh };
}
