/** The dashboard's tiles open Containers on one count; each row falls in the bucket `docker info` counts it in. */
import { describe, expect, it } from 'vitest';
import type { ContainerRow } from '../../src/shared/container-list';
import { inState, isStateFilter } from '../../src/renderer/src/pages/containers/container-view';

const row = (state: ContainerRow['state']): ContainerRow => ({ state }) as ContainerRow;

describe('inState', () => {
  it('running and paused are their own; every other state is stopped (moby counts restarting as stopped)', () => {
    const states: ContainerRow['state'][] = ['running', 'paused', 'restarting', 'created', 'removing', 'exited', 'dead'];
    expect(states.filter((s) => inState(row(s), 'running'))).toEqual(['running']);
    expect(states.filter((s) => inState(row(s), 'paused'))).toEqual(['paused']);
    expect(states.filter((s) => inState(row(s), 'stopped'))).toEqual(['restarting', 'created', 'removing', 'exited', 'dead']);
    expect(states.every((s) => inState(row(s), null))).toBe(true);
  });

  it('takes only the three counts from a URL', () => {
    expect(['running', 'paused', 'stopped'].every((v) => isStateFilter(v))).toBe(true);
    expect(['exited', '', undefined, 'STOPPED'].some((v) => isStateFilter(v))).toBe(false);
  });
});
