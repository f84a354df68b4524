/** Channels of the setup wizard; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import type { FixPlan, InstallGuide, SetupDiagnosis } from '../setup';
import type { TaskInfo } from '../tasks';

const none = z.object({}).strict();
const fix = z.object({ fix: z.enum(['start-service', 'add-user-to-group']) }).strict();

export const setupChannels = {
  /** Every check of the setup wizard with its evidence; cheap, run on demand (never on a timer). */
  'setup.diagnose': out<SetupDiagnosis>()(none),
  /** The exact commands a fix runs as root, for the user to read first (and to copy when nothing can run them). */
  'setup.fixPlan': out<FixPlan>()(fix),
  /** Run a fix through the privilege runner, as a task. */
  'setup.fix': out<TaskInfo<'setup-fix'>>()(fix),
  'setup.installGuide': out<InstallGuide>()(none),
  /** Desktop only: relaunch Wharf under the docker group (sg docker) so the new membership applies now. */
  'setup.relaunch': out<null>()(none),
} as const;
