import fs from 'node:fs';
import { mountsUnder, unmountAllUnder } from './mounts';
import { deleteBridge, deletePoolInterfaces, releaseSubnetIndex } from './network';
import { processesUsingDir, terminateSync } from './processes';

export interface LeftoverResources {
  dir: string;
  bridge?: string;
  subnetIndex?: number;
}

/**
 * Removes everything a harness may leave: processes started from its dir (dockerd, containerd,
 * shims, containers, a registry), mounts under it, interfaces, iptables rule, subnet lock, the dir.
 * Synchronous (usable in 'exit' handlers), idempotent, never throws.
 */
export function removeLeftovers(resources: LeftoverResources, graceMs = 5_000): void {
  const steps: Array<() => void> = [
    () => terminateSync(processesUsingDir(resources.dir), graceMs),
    () => unmountAllUnder(resources.dir),
    () => {
      if (resources.subnetIndex !== undefined) deletePoolInterfaces(resources.subnetIndex);
    },
    () => {
      if (resources.bridge !== undefined) deleteBridge(resources.bridge);
    },
    () => {
      // Never recurse into something still mounted (it could be a bind mount of real data).
      if (mountsUnder(resources.dir).length === 0) {
        fs.rmSync(resources.dir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
    () => {
      if (resources.subnetIndex !== undefined) releaseSubnetIndex(resources.subnetIndex, resources.dir);
    },
  ];
  for (const step of steps) {
    try {
      step();
    } catch {
      // keep going: teardown must get as far as it can
    }
  }
}
