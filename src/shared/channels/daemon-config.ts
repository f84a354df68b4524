/** Channels of the Registries page (daemon-config); see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import type { DaemonConfigPlan, DaemonConfigState } from '../registry-mirrors';
import type { TaskInfo } from '../tasks';

/** Entries as typed: bounded here, checked (with translatable reasons) by the core. */
const entries = z.array(z.string().max(512).regex(/^[^\0\n\r]*$/)).max(64);
const settings = { registryMirrors: entries, insecureRegistries: entries };

export const daemonConfigChannels = {
  /** daemon.json as Wharf sees it: its registry settings, other keys, parse error, dockerd flags, what is in effect. */
  'daemon.readConfig': out<DaemonConfigState>()(z.object({}).strict()),
  /** The checks per entry, the new file, its diff, flag conflicts and the commands an apply runs. */
  'daemon.planConfig': out<DaemonConfigPlan>()(z.object(settings).strict()),
  /** Back up, write, reload, verify — or roll back (task 'registry-apply'; result: DaemonConfigApplyResult). */
  'daemon.applyConfig': out<TaskInfo>()(z.object({ ...settings, expectedHash: z.string().regex(/^([0-9a-f]{64})?$/) }).strict()),
} as const;
