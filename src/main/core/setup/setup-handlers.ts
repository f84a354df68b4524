/** The setup.* channels: diagnosis, fix plans and fixes, the install guide, the relaunch under a new group. */
import type { setupChannels } from '../../../shared/channels/setup';
import type { HandlersOf } from '../dispatch';
import { createSetupService, type SetupServiceDeps } from './setup-service';

export function setupHandlers(deps: SetupServiceDeps): HandlersOf<typeof setupChannels> {
  const setup = createSetupService(deps);
  return {
    'setup.diagnose': () => setup.diagnose(),
    'setup.fixPlan': ({ fix }) => setup.fixPlan(fix),
    'setup.fix': ({ fix }) => setup.startFix(fix),
    'setup.installGuide': () => setup.installGuide(),
    'setup.relaunch': () => setup.relaunch(),
  };
}
