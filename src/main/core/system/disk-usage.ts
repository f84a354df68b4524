import type { DiskUsageSummary } from '../../../shared/disk-usage';
import { summarizeDiskUsage } from '../../../shared/disk-usage';
import type { Clock } from '../clock';
import type { EngineApi } from '../engine/engine-api';

export interface DiskUsageService {
  /** GET /system/df summarized like `docker system df`; concurrent callers share one engine request. */
  summary(): Promise<DiskUsageSummary>;
}

export function createDiskUsageService(engine: EngineApi, clock: Clock): DiskUsageService {
  let inFlight: Promise<DiskUsageSummary> | undefined;
  return {
    summary() {
      inFlight ??= (async (): Promise<DiskUsageSummary> => {
        return { rows: summarizeDiskUsage(await engine.diskUsage()), measuredAt: clock.now() };
      })().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
