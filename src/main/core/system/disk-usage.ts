import type { DiskUsageSummary, RawDiskUsage } from '../../../shared/disk-usage';
import { summarizeDiskUsage } from '../../../shared/disk-usage';
import type { Clock } from '../clock';
import type { EngineConnection } from '../engine/connection';

export interface DiskUsageService {
  /** GET /system/df summarized like `docker system df`; concurrent callers share one engine request. */
  summary(): Promise<DiskUsageSummary>;
}

export function createDiskUsageService(connection: EngineConnection, clock: Clock): DiskUsageService {
  let inFlight: Promise<DiskUsageSummary> | undefined;
  return {
    summary() {
      inFlight ??= (async (): Promise<DiskUsageSummary> => {
        const raw = (await connection.client().df()) as RawDiskUsage;
        return { rows: summarizeDiskUsage(raw), measuredAt: clock.now() };
      })().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
