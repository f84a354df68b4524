import { eventStreamState, onEventStreamConnection, subscribeEvents } from '../api';
import { forgetEngineData } from './engine-scope';
import { useEngineStore } from './engine-store';
import { useEventStreamStore } from './event-stream-store';
import { useRouteStore } from './route-store';
import { useTasksStore } from './tasks-store';

/**
 * Feeds the app-wide stores: first from the calls, then from events. Subscribes before loading so
 * nothing in between is missed; after the event stream comes back (web server restart) it reloads,
 * since events may have been lost meanwhile. Returns the unsubscribe.
 */
export function startAppSync(): () => void {
  const unsubscribeEvents = subscribeEvents((event) => {
    if (event.type === 'engine.state') useEngineStore.getState().applyStatus(event.status);
    else if (event.type === 'engine.switched') {
      forgetEngineData();
      // A dialog's URL names an object of the old engine (a container, an image): the page starts afresh instead.
      const route = useRouteStore.getState();
      if (Object.keys(route.query).length > 0) route.navigate(route.page, { replace: true });
      useEngineStore.getState().switched(event.status, event.from, event.closedStreams);
    }
    else if (event.type === 'task.update') useTasksStore.getState().upsert(event.task);
  });
  useEventStreamStore.getState().setState(eventStreamState());
  let wasClosed = false;
  const unsubscribeConnection = onEventStreamConnection((state) => {
    useEventStreamStore.getState().setState(state);
    if (state === 'closed') wasClosed = true;
    if (state === 'open' && wasClosed) {
      wasClosed = false;
      void useEngineStore.getState().load();
      void useTasksStore.getState().load();
    }
  });
  void useEngineStore.getState().load();
  void useTasksStore.getState().load();
  return () => {
    unsubscribeEvents();
    unsubscribeConnection();
  };
}
