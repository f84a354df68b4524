import fs from 'node:fs';
import path from 'node:path';
import { OWNER_FILE } from './constants';
import { isProcessAlive, processStartTime } from './processes';

/** What a harness dir records about itself so a later run can clean up after a crash. */
export interface OwnerRecord {
  kind: 'engine' | 'registry';
  ownerPid: number;
  ownerStartTime: string;
  bridge?: string;
  subnetIndex?: number;
}

export function writeOwnerRecord(dir: string, record: Omit<OwnerRecord, 'ownerPid' | 'ownerStartTime'>): void {
  const full: OwnerRecord = { ...record, ownerPid: process.pid, ownerStartTime: processStartTime(process.pid) ?? '' };
  const file = path.join(dir, OWNER_FILE);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(full));
  fs.renameSync(`${file}.tmp`, file);
}

export function readOwnerRecord(dir: string): OwnerRecord | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as Partial<OwnerRecord>;
    if (typeof parsed.ownerPid !== 'number' || typeof parsed.ownerStartTime !== 'string') return undefined;
    if (parsed.kind !== 'engine' && parsed.kind !== 'registry') return undefined;
    return {
      kind: parsed.kind,
      ownerPid: parsed.ownerPid,
      ownerStartTime: parsed.ownerStartTime,
      ...(typeof parsed.bridge === 'string' ? { bridge: parsed.bridge } : {}),
      ...(typeof parsed.subnetIndex === 'number' ? { subnetIndex: parsed.subnetIndex } : {}),
    };
  } catch {
    return undefined;
  }
}

/** True if the process that created the record is still running (same pid and start time). */
export function ownerAlive(record: OwnerRecord): boolean {
  return isProcessAlive(record.ownerPid, record.ownerStartTime || undefined);
}
