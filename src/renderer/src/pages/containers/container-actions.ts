import type { ContainerAction, ContainerRow, ContainerState } from '../../../../shared/container-list';

/** The actions that confirm first (they end processes or delete). */
export type DestructiveAction = 'stop' | 'kill' | 'remove';

export function isDestructive(action: ContainerAction): action is DestructiveAction {
  return action === 'stop' || action === 'kill' || action === 'remove';
}

/** What makes sense in each state, in menu order. */
export function actionsFor(state: ContainerState): ContainerAction[] {
  switch (state) {
    case 'running':
      return ['stop', 'restart', 'pause', 'kill', 'remove'];
    case 'paused':
      return ['unpause', 'stop', 'kill', 'remove'];
    case 'restarting':
      return ['stop', 'kill', 'remove'];
    case 'created':
    case 'exited':
      return ['start', 'remove'];
    case 'dead':
      return ['remove'];
    case 'removing':
      return [];
  }
}

/** The actions offered for a selection: those that apply to at least one selected container. */
export function actionsForMany(rows: readonly ContainerRow[]): ContainerAction[] {
  const order: ContainerAction[] = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove'];
  const possible = new Set(rows.flatMap((r) => actionsFor(r.state)));
  return order.filter((a) => possible.has(a));
}

/** The rows an action applies to (stopping an exited container is pointless; remove takes all). */
export function rowsFor(action: ContainerAction, rows: readonly ContainerRow[]): ContainerRow[] {
  return rows.filter((r) => actionsFor(r.state).includes(action));
}
