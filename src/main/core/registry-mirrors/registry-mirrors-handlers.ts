/** The registryMirrors.* channels: daemon.json's registry-mirrors and insecure-registries, read, planned, applied. */
import type { registryMirrorsChannels } from '../../../shared/channels/registry-mirrors';
import type { HandlersOf } from '../dispatch';
import type { MirrorPresetsStore } from './mirror-presets-store';
import type { PrefixMirrorsStore } from './prefix-mirrors-store';
import { createRegistryMirrorsService, type RegistryMirrorsDeps } from './registry-mirrors-service';

export function registryMirrorsHandlers(deps: RegistryMirrorsDeps & { prefixes: PrefixMirrorsStore; presets: MirrorPresetsStore }): HandlersOf<typeof registryMirrorsChannels> {
  const mirrors = createRegistryMirrorsService(deps);
  return {
    'registryMirrors.read': () => mirrors.read(),
    'registryMirrors.plan': (input) => mirrors.plan(input),
    'registryMirrors.apply': (input) => mirrors.apply(input),
    'registryMirrors.prefixes': () => deps.prefixes.read(),
    'registryMirrors.savePrefixes': ({ prefixes }) => deps.prefixes.save(prefixes),
    'registryMirrors.presets': () => deps.presets.read(),
    'registryMirrors.loadPresets': ({ from }) => deps.presets.load(from),
    'registryMirrors.resetPresets': () => deps.presets.reset(),
  };
}
