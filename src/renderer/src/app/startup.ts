import { useEngineStore } from '../stores/engine-store';
import { pageInHash, useRouteStore } from '../stores/route-store';
import { decideStartPage } from './startup-decision';

/**
 * Applies the start-up decision once per app start: waits for the engine's first verdict, then opens Setup when the
 * engine is unusable and the user has not picked a page yet. Returns the stop function (a no-op once decided).
 */
export function startStartupDecision(): () => void {
  const linkedPage = pageInHash(window.location.hash);
  let navigated = false;
  let stopped = false;

  const stop = (): void => {
    stopped = true;
    unsubscribeRoute();
    unsubscribeEngine();
  };
  const decide = (): void => {
    if (stopped) return;
    const decision = decideStartPage({ engineState: useEngineStore.getState().status?.state ?? null, linkedPage, navigated });
    if (decision === 'wait') return;
    stop();
    // A redirect the user did not ask for: it replaces the history entry, so Back does not bounce.
    if (decision === 'open-setup') useRouteStore.getState().navigate('setup', { replace: true });
  };

  const unsubscribeRoute = useRouteStore.subscribe((state, previous) => {
    if (state.page !== previous.page) navigated = true;
    decide();
  });
  const unsubscribeEngine = useEngineStore.subscribe(decide);
  decide();
  return stop;
}
