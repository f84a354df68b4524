/** Channels of the app itself, the engine connection and `docker system df`; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import type { Diagnostics } from '../diagnostics';
import type { DiskUsageSummary } from '../disk-usage';
import type { EngineFacts, EngineStatus } from '../engine';

const none = z.object({}).strict();

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'web';
  platform: string;
}

export const engineChannels = {
  'app.info': out<AppInfo>()(none),
  /** Settings → Diagnostics: versions, OS, engine and the log's last lines, to paste into a report. */
  'app.diagnostics': out<Diagnostics>()(none),
  /** Desktop only: open wharf.log's folder in the file manager ('unsupported' in web mode: it is on the server). */
  'app.openLogFolder': out<null>()(none),
  'engine.status': out<EngineStatus>()(none),
  /** Retry the connection now instead of waiting for the backoff. */
  'engine.reconnect': out<EngineStatus>()(none),
  'engine.facts': out<EngineFacts>()(none),
  'system.df': out<DiskUsageSummary>()(none),
} as const;
