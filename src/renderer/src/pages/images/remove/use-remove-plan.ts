import { useEffect, useState } from 'react';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { RemovePlan, RemoveTarget } from '../../../../../shared/image-remove';
import { call } from '../../../api';

export type PlanState = { state: 'loading' } | { state: 'ready'; plan: RemovePlan } | { state: 'failed'; error: WharfErrorInfo };

/** Asks the core for the preview of a removal once, when the dialog opens. */
export function useRemovePlan(target: RemoveTarget): PlanState {
  const [state, setState] = useState<PlanState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void call('images.removePlan', { target }).then((answer) => {
      if (live) setState(answer.ok ? { state: 'ready', plan: answer.value } : { state: 'failed', error: answer.error });
    });
    return () => {
      live = false;
    };
  }, [target]);
  return state;
}
