import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { RemovePlan, RemoveTarget } from '../../../../../shared/image-remove';
import { useCall } from '../../../hooks/use-call';

export type PlanState = { state: 'loading' } | { state: 'ready'; plan: RemovePlan } | { state: 'failed'; error: WharfErrorInfo };

/** Asks the core for the preview of a removal once, when the dialog opens. */
export function useRemovePlan(target: RemoveTarget): PlanState {
  const { data, error } = useCall('images.removePlan', { target });
  if (error) return { state: 'failed', error };
  return data ? { state: 'ready', plan: data } : { state: 'loading' };
}
