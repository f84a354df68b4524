/** Logins where the docker CLI keeps them: config.json `auths`, or the credsStore / credHelpers helper it names. */
import type { RegistryLogin, RegistryLogins } from '../../../shared/registry-access';
import { authsOf, decodeAuth, helperFor, readDockerConfig, withAuth, writeDockerConfig, encodeAuth, type AuthEntry } from './docker-config';
import { helperErase, helperGet, helperList, helperStore } from './credential-helper';
import type { Credentials } from './registry-session';

export interface CredentialStore {
  readonly configDir: string;
  list(): Promise<RegistryLogins>;
  get(server: string): Promise<Credentials | undefined>;
  /** identityToken: what the engine's /auth gave instead of keeping the password (stored like the CLI does). */
  store(server: string, username: string, secret: string, identityToken?: string): Promise<RegistryLogin>;
  /** false when there was nothing to remove. */
  erase(server: string): Promise<boolean>;
}

function fileSecret(entry: AuthEntry | undefined): Credentials | undefined {
  const decoded = decodeAuth(entry?.auth);
  if (!decoded) return undefined;
  return typeof entry?.identitytoken === 'string' && entry.identitytoken !== '' ? { username: decoded.username, secret: entry.identitytoken } : decoded;
}

export function createCredentialStore(configDir: string, env: Record<string, string | undefined>): CredentialStore {
  return {
    configDir,
    async list() {
      const { config } = await readDockerConfig(configDir);
      const auths = authsOf(config);
      const fromStore = typeof config.credsStore === 'string' && config.credsStore !== '' ? await helperList(config.credsStore, env) : {};
      const servers = [...new Set([...Object.keys(auths), ...Object.keys(fromStore)])].sort();
      const logins: RegistryLogin[] = [];
      for (const server of servers) {
        const helper = helperFor(config, server);
        if (!helper) {
          const secret = fileSecret(auths[server]);
          if (secret) logins.push({ server, username: secret.username, store: 'file' });
          continue;
        }
        // A helper that fails for one server (locked keyring…) must not hide the other logins.
        const username = fromStore[server] ?? (await helperGet(helper, server, env).catch(() => undefined))?.username;
        if (username !== undefined) logins.push({ server, username, store: { helper } });
      }
      return { configDir, logins };
    },
    async get(server) {
      const { config } = await readDockerConfig(configDir);
      const helper = helperFor(config, server);
      if (helper) {
        const found = await helperGet(helper, server, env);
        return found && found.secret !== '' ? found : undefined;
      }
      return fileSecret(authsOf(config)[server]);
    },
    async store(server, username, secret, identityToken) {
      const { path, config } = await readDockerConfig(configDir); // refuses before anything is stored when it does not parse
      const helper = helperFor(config, server);
      if (helper) {
        await helperStore(helper, server, username, identityToken ?? secret, env);
        await writeDockerConfig(path, withAuth(config, server, {}));
        return { server, username, store: { helper } };
      }
      const entry: AuthEntry = identityToken ? { auth: encodeAuth(username, ''), identitytoken: identityToken } : { auth: encodeAuth(username, secret) };
      await writeDockerConfig(path, withAuth(config, server, entry));
      return { server, username, store: 'file' };
    },
    async erase(server) {
      const { path, config } = await readDockerConfig(configDir);
      const helper = helperFor(config, server);
      let removed = false;
      if (helper) {
        // Only tells whether there was a login; the erase below reports a broken helper itself.
        removed = (await helperGet(helper, server, env).catch(() => undefined)) !== undefined;
        await helperErase(helper, server, env);
      }
      if (server in authsOf(config)) {
        removed = removed || fileSecret(authsOf(config)[server]) !== undefined || helper !== undefined;
        await writeDockerConfig(path, withAuth(config, server, undefined));
      }
      return removed;
    },
  };
}
