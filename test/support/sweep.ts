import fs from 'node:fs';
import path from 'node:path';
import { DIR_PREFIX, harnessBaseDir } from './constants';
import { deleteBridge, forceReleaseSubnetIndex, harnessBridges, orphanedSubnetLocks } from './network';
import { ownerAlive, readOwnerRecord } from './ownership';
import { removeLeftovers } from './teardown';

/** A dir without an owner record may be one being created right now; only older ones are stale. */
const UNOWNED_GRACE_MS = 120_000;

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

export interface SweepReport {
  dirs: string[];
  bridges: string[];
  locks: number[];
}

/**
 * Removes leftovers of earlier (crashed) harness runs: harness dirs whose owner process is dead
 * (with their dockerd/containerd/registry processes, mounts, bridges and subnet locks), bridges
 * with the harness prefix that no live harness claims, and orphaned subnet locks.
 * Live harnesses of other processes are left alone. Never throws.
 */
export function sweepStaleHarnesses(): SweepReport {
  const report: SweepReport = { dirs: [], bridges: [], locks: [] };
  const base = harnessBaseDir();
  const liveBridges = new Set<string>();
  // Snapshot bridges before reading owner records: a bridge is only created after its record names it.
  const bridgesBefore = harnessBridges();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(base).filter((name) => name.startsWith(DIR_PREFIX));
  } catch {
    // no base dir
  }
  for (const name of entries) {
    const dir = path.join(base, name);
    const record = readOwnerRecord(dir);
    if (record !== undefined && ownerAlive(record)) {
      if (record.bridge !== undefined) liveBridges.add(record.bridge);
      continue;
    }
    if (record === undefined && ageMs(dir) < UNOWNED_GRACE_MS) continue;
    removeLeftovers({
      dir,
      ...(record?.bridge !== undefined ? { bridge: record.bridge } : {}),
      ...(record?.subnetIndex !== undefined ? { subnetIndex: record.subnetIndex } : {}),
    });
    report.dirs.push(dir);
  }
  for (const bridge of bridgesBefore) {
    if (liveBridges.has(bridge)) continue;
    deleteBridge(bridge);
    report.bridges.push(bridge);
  }
  for (const index of orphanedSubnetLocks(UNOWNED_GRACE_MS)) {
    forceReleaseSubnetIndex(index);
    report.locks.push(index);
  }
  return report;
}
