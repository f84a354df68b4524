/** registry-access, the remote side of the Registries page: mirror speed test, logins shared with the docker CLI, browsing. */
import type { DeletedTag, RegistryLogin, RegistryLogins } from '../../../shared/registry-access';
import { DEFAULT_NON_OFFICIAL_IMAGE, DEFAULT_SPEED_IMAGE } from '../../../shared/registry-access';
import type { TaskInfo } from '../../../shared/tasks';
import type { EngineApi } from '../engine/engine-api';
import { WharfError, toErrorInfo } from '../errors';
import type { TaskManager } from '../tasks/task-manager';
import { configDirFrom } from './docker-config';
import { createCredentialStore } from './credentials';
import { addressOf, createRegistryBrowser } from './registry-browse';
import { DEFAULT_SPEED_LIMITS, runSpeedTest, type SpeedLimits } from './speed-test';

export interface RegistryAccessOptions {
  /** The docker CLI config folder (tests: their own). Default: $DOCKER_CONFIG, else ~/.docker. */
  dockerConfigDir?: string;
  speedLimits?: Partial<SpeedLimits>;
}

export interface RegistryAccessDeps {
  engine: EngineApi;
  tasks: TaskManager;
  env: Record<string, string | undefined>;
  home: string;
  options?: RegistryAccessOptions;
}

/** The password never leaves this function in any message, even if a server echoes it. */
function redact(message: string, secret: string): string {
  return secret.length > 0 ? message.split(secret).join('•••') : message;
}

export function createRegistryAccessService(deps: RegistryAccessDeps) {
  const configDir = deps.options?.dockerConfigDir ?? configDirFrom(deps.env, deps.home);
  const credentials = createCredentialStore(configDir, deps.env);
  const browser = createRegistryBrowser(credentials);
  const limits: SpeedLimits = { ...DEFAULT_SPEED_LIMITS, ...deps.options?.speedLimits };

  return {
    speedTest(mirrors: string[], image = DEFAULT_SPEED_IMAGE, nonOfficialImage = DEFAULT_NON_OFFICIAL_IMAGE): TaskInfo<'registry-speed-test'> {
      for (const url of mirrors) {
        if (!/^https?:\/\/[^/\s]+/.test(url.trim())) throw new WharfError('invalid-input', `a mirror needs its scheme (https:// or http://): ${url}`);
      }
      const hosts = mirrors.map((url) => url.replace(/^https?:\/\//, '').replace(/\/.*$/, '')).join(', ');
      const target = hosts.length > 120 ? `${hosts.slice(0, 117)}…` : hosts;
      return deps.tasks.start({ kind: 'registry-speed-test', target, cancellable: true }, (ctx) => runSpeedTest(ctx, mirrors, image, limits, nonOfficialImage));
    },
    logins: (): Promise<RegistryLogins> => credentials.list(),
    /** Like `docker login`: the engine checks the credentials (POST /auth), then they are stored where the CLI looks. */
    async login(server: string, username: string, password: string): Promise<RegistryLogin> {
      const address = addressOf(server);
      deps.engine.ready();
      let identityToken: string | undefined;
      try {
        const answer = await deps.engine.checkAuth({ username, password, serveraddress: address.key });
        identityToken = answer.IdentityToken || undefined;
      } catch (error) {
        const info = toErrorInfo(error);
        const message = redact(info.message, password);
        // The engine answers 401, or 500 with the registry's refusal in its message (as `docker login` prints it).
        const refused = info.code === 'permission-denied' || /status: 40[13]\b|unauthorized|incorrect username or password|denied/i.test(info.message);
        if (refused) throw new WharfError('permission-denied', `${address.key} refused the user name or password: ${message}`);
        throw new WharfError(info.code, message);
      }
      return credentials.store(address.key, username, password, identityToken);
    },
    async logout(server: string): Promise<{ removed: boolean }> {
      return { removed: await credentials.erase(addressOf(server).key) };
    },
    catalog: browser.catalog,
    tags: browser.tags,
    deleteTag: (registry: string, repository: string, tag: string): Promise<DeletedTag> => browser.deleteTag(registry, repository, tag),
  };
}
