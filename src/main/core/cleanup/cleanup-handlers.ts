/** The cleanup.* channels: `docker system df -v`, wizard previews, estimates, the run and its history. */
import type { cleanupChannels } from '../../../shared/channels/cleanup';
import type { HandlersOf } from '../dispatch';
import { createCleanupService } from './cleanup-service';

export function cleanupHandlers(deps: Parameters<typeof createCleanupService>[0]): HandlersOf<typeof cleanupChannels> {
  const cleanup = createCleanupService(deps);
  return {
    'cleanup.diskUsage': () => cleanup.diskUsage(),
    'cleanup.preview': ({ wizard, options }) => cleanup.preview(wizard, options),
    'cleanup.estimate': ({ previewId, keys }) => cleanup.estimate(previewId, keys),
    'cleanup.run': ({ previewId, keys }) => cleanup.run(previewId, keys),
    'cleanup.history': () => cleanup.history(),
  };
}
