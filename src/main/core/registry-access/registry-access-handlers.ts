/** The registryAccess.* channels: logins shared with the docker CLI, browsing a registry, the mirror speed test. */
import type { registryAccessChannels } from '../../../shared/channels/registry-access';
import type { HandlersOf } from '../dispatch';
import { createRegistryAccessService, type RegistryAccessDeps } from './registry-access-service';

export function registryAccessHandlers(deps: RegistryAccessDeps): HandlersOf<typeof registryAccessChannels> {
  const access = createRegistryAccessService(deps);
  return {
    'registryAccess.speedTest': ({ mirrors, image, nonOfficialImage }) => access.speedTest(mirrors, image, nonOfficialImage),
    'registryAccess.logins': () => access.logins(),
    'registryAccess.login': ({ server, username, password }) => access.login(server, username, password),
    'registryAccess.logout': ({ server }) => access.logout(server),
    'registryAccess.catalog': ({ registry, last, n }) => access.catalog(registry, last, n),
    'registryAccess.tags': ({ registry, repository, last, n }) => access.tags(registry, repository, last, n),
    'registryAccess.deleteTag': ({ registry, repository, tag }) => access.deleteTag(registry, repository, tag),
  };
}
