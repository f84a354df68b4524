/** The containers list as the Volumes and Networks services read it: who mounts what, who is attached where. */
import type { UsingContainer } from '../../../shared/volume-list';
import type { EngineContainerSummary } from '../engine/engine-types';

type ContainerRefs = Pick<EngineContainerSummary, 'Id' | 'Names' | 'State' | 'Mounts' | 'NetworkSettings'>;

export function usingContainer(c: ContainerRefs): UsingContainer {
  return { id: c.Id, name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State };
}

/** Volume name → the containers mounting it. */
export function containersByVolume(containers: readonly ContainerRefs[]): Map<string, UsingContainer[]> {
  const map = new Map<string, UsingContainer[]>();
  for (const c of containers) {
    const names = new Set(c.Mounts.filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name as string));
    for (const name of names) map.set(name, [...(map.get(name) ?? []), usingContainer(c)]);
  }
  return map;
}

/** Network ID → the containers whose settings name it. */
export function containersByNetwork(containers: readonly ContainerRefs[]): Map<string, UsingContainer[]> {
  const map = new Map<string, UsingContainer[]>();
  for (const c of containers) {
    const ids = new Set(Object.values(c.NetworkSettings?.Networks ?? {}).map((n) => n.NetworkID).filter((id): id is string => Boolean(id)));
    for (const id of ids) map.set(id, [...(map.get(id) ?? []), usingContainer(c)]);
  }
  return map;
}
