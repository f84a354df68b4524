/** registry-mirrors: the engine's registry-mirrors and insecure-registries in daemon.json; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import type { PrefixMirrors } from '../prefix-mirrors';
import type { RegistryMirrorsPlan, RegistryMirrorsState } from '../registry-mirrors';
import type { TaskInfo } from '../tasks';

/** Entries as typed: bounded here, checked (with translatable reasons) by the core. */
const entries = z.array(z.string().max(512).regex(/^[^\0\n\r]*$/)).max(64);
const settings = { registryMirrors: entries, insecureRegistries: entries };

export const registryMirrorsChannels = {
  /** daemon.json as Wharf sees it: its registry settings, other keys, parse error, dockerd flags, what is in effect. */
  'registryMirrors.read': out<RegistryMirrorsState>()(z.object({}).strict()),
  /** The checks per entry, the new file, its diff, flag conflicts and the commands an apply runs. */
  'registryMirrors.plan': out<RegistryMirrorsPlan>()(z.object(settings).strict()),
  /** Back up, write, reload, verify — or roll back (task 'registry-mirrors-apply'; result: RegistryMirrorsApplyResult). */
  'registryMirrors.apply': out<TaskInfo<'registry-mirrors-apply'>>()(z.object({ ...settings, expectedHash: z.string().regex(/^([0-9a-f]{64})?$/) }).strict()),
  /** Prefix mirrors per source registry (ghcr.io → m.daocloud.io): how Wharf pulls from registries other than Docker Hub. */
  'registryMirrors.prefixes': out<PrefixMirrors>()(z.object({}).strict()),
  /** Saves the whole list (each entry checked; problems at their index). */
  'registryMirrors.savePrefixes': out<PrefixMirrors>()(
    z.object({ prefixes: z.array(z.object({ registry: z.string().max(255).regex(/^[^\0\n\r]*$/), prefix: z.string().max(512).regex(/^[^\0\n\r]*$/) }).strict()).max(64) }).strict(),
  ),
} as const;
