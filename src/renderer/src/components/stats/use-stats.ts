import { useEffect, useState } from 'react';
import type { WharfErrorInfo } from '../../../../shared/errors';
import type { StatsSample } from '../../../../shared/streams';
import { openStream } from '../../api';

/** Samples kept per container (about a minute at one a second). */
export const HISTORY = 60;

export interface StatsState {
  /** Per container id, oldest first. */
  history: Record<string, StatsSample[]>;
  error: WharfErrorInfo | null;
}

/** Streams `docker stats` for the given containers while mounted; the stream stops when the view goes. */
export function useStats(ids: readonly string[]): StatsState {
  const [state, setState] = useState<StatsState>({ history: {}, error: null });
  const key = ids.join(',');
  useEffect(() => {
    const list = key.split(',').filter(Boolean);
    if (list.length === 0) return undefined;
    const handle = openStream('containers.stats', { ids: list }, {
      data(sample) {
        setState((s) => ({ ...s, history: { ...s.history, [sample.id]: [...(s.history[sample.id] ?? []), sample].slice(-HISTORY) } }));
      },
      end(error) {
        if (error) setState((s) => ({ ...s, error }));
      },
    });
    return () => handle.close();
  }, [key]);
  return state;
}
