/** One by one removal with a check first: what the Volumes and Networks pages' rm and prune share. */
import type { RemovalOutcome, RemovalReport } from '../../../shared/volume-list';
import { eachLimited } from '../concurrency';
import { toErrorInfo } from '../errors';

export const REMOVE_CONCURRENCY = 4;

/**
 * For each target: `refuse` may answer why it must not go (before the engine is asked); otherwise `remove`
 * runs and the engine's refusal (409: in use) or absence (404) is reported for that target alone.
 */
export async function removeEach(
  targets: readonly string[],
  refuse: (target: string) => Omit<RemovalOutcome, 'target' | 'state'> | null,
  remove: (target: string) => Promise<void>,
): Promise<RemovalReport> {
  const unique = [...new Set(targets)];
  const byTarget = new Map<string, RemovalOutcome>();
  await eachLimited(unique, REMOVE_CONCURRENCY, new AbortController().signal, async (target) => {
    const refused = refuse(target);
    if (refused) {
      byTarget.set(target, { target, state: 'refused', ...refused });
      return;
    }
    try {
      await remove(target);
      byTarget.set(target, { target, state: 'removed' });
    } catch (error) {
      const info = toErrorInfo(error);
      const reason = info.code === 'conflict' ? 'in-use' : info.code === 'not-found' ? 'not-found' : 'engine';
      byTarget.set(target, { target, state: reason === 'in-use' ? 'refused' : 'failed', reason, message: info.message });
    }
  });
  return { outcomes: unique.map((t) => byTarget.get(t) as RemovalOutcome) };
}
