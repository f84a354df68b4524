/** The channels of shared/channels/engine.ts: the app itself (info, diagnostics, log folder), the engine, `docker system df`. */
import type { AppInfo, engineChannels } from '../../../shared/channels/engine';
import { collectDiagnostics } from '../app-diagnostics';
import type { Clock } from '../clock';
import type { HandlersOf } from '../dispatch';
import { WharfError } from '../errors';
import type { Logger } from '../log';
import { createDiskUsageService } from '../system/disk-usage';
import type { EngineConnection } from './connection';
import type { EngineApi } from './engine-api';
import { readEngineFacts } from './engine-facts';

export interface EngineHandlersDeps {
  app: AppInfo;
  connection: EngineConnection;
  engine: EngineApi;
  clock: Clock;
  logger: Logger;
  /** Desktop only: show wharf.log's folder in the file manager; absent in web mode. */
  openLogFolder?: () => Promise<void>;
}

export function engineHandlers(deps: EngineHandlersDeps): HandlersOf<typeof engineChannels> {
  const { connection, engine } = deps;
  const diskUsage = createDiskUsageService(engine, deps.clock);
  return {
    'app.info': () => deps.app,
    'app.diagnostics': () => collectDiagnostics(deps.app, connection, deps.logger),
    'app.openLogFolder': async () => {
      if (!deps.openLogFolder) throw new WharfError('unsupported', 'the log folder is on the machine web mode runs on; its path is in the diagnostics');
      await deps.openLogFolder();
      return null;
    },
    'engine.status': () => connection.status(),
    'engine.reconnect': () => connection.reconnectNow(),
    'engine.facts': () => readEngineFacts(engine),
    'system.df': () => diskUsage.summary(),
  };
}
