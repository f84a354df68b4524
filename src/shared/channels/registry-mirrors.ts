/** registry-mirrors: the engine's registry-mirrors and insecure-registries in daemon.json; see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import type { MirrorPresets } from '../mirror-presets';
import type { PrefixMirrors } from '../prefix-mirrors';
import type { RegistryMirrorsPlan, RegistryMirrorsState } from '../registry-mirrors';
import type { TaskInfo } from '../tasks';

/** Entries as typed: bounded here, checked (with translatable reasons) by the core. */
const entries = z.array(z.string().max(512).regex(/^[^\0\n\r]*$/)).max(64);
const line = (max: number) => z.string().max(max).regex(/^[^\0\n\r]*$/);
/** The engine's proxy; absent: left as it is. */
const proxies = z.object({ httpProxy: line(2048), httpsProxy: line(2048), noProxy: line(4096) }).strict().optional();
/** Default log settings of new containers; absent: left as they are. */
const logDefaults = z.object({ driver: line(64), maxSize: line(32), maxFile: line(16) }).strict().optional();
const settings = { registryMirrors: entries, insecureRegistries: entries, proxies, logDefaults };

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
  /** The mirror presets in use: the shipped list, or the one the user loaded. */
  'registryMirrors.presets': out<MirrorPresets>()(z.object({}).strict()),
  /** Loads a preset list from a file (absolute path) or a URL the user chose; checked, then kept. Never called by Wharf itself. */
  'registryMirrors.loadPresets': out<MirrorPresets>()(z.object({ from: z.string().min(1).max(2048).regex(/^[^\0\n\r]*$/) }).strict()),
  /** Back to the shipped list. */
  'registryMirrors.resetPresets': out<MirrorPresets>()(z.object({}).strict()),
} as const;
