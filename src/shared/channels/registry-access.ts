/** registry-access: reaching registries (logins shared with the docker CLI, browsing, the mirror speed test); see contract.ts for the rules every channel follows. */
import { z } from 'zod';
import { out } from '../channel-def';
import type { CatalogPage, DeletedTag, RegistryLogin, RegistryLogins, TagsPage } from '../registry-access';
import type { TaskInfo } from '../tasks';

/** A registry as typed (host[:port], with or without http(s)://); the core parses it and says what is wrong. */
const registry = z.string().min(1).max(300).regex(/^[^\s\0]+$/);
const mirrorUrl = z.string().min(1).max(512).regex(/^https?:\/\/[^\s\0]+$/);
/** The distribution spec's repository name grammar. */
const repository = z.string().min(1).max(255).regex(/^[a-z0-9]+([._-]+[a-z0-9]+)*(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/);
const tag = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);
const page = { last: z.string().min(1).max(512).optional(), n: z.number().int().min(1).max(1000).optional() };

export const registryAccessChannels = {
  /** GET /v2/, token flow, manifest HEAD, capped blob download per mirror, and a non-official image's manifest (task 'registry-speed-test'; result: SpeedTestResult). */
  'registryAccess.speedTest': out<TaskInfo<'registry-speed-test'>>()(
    z
      .object({
        mirrors: z.array(mirrorUrl).min(1).max(32),
        image: z.string().min(1).max(256).regex(/^[a-z0-9][^\s\0]*$/).optional(),
        /** A non-official image whose manifest each mirror is also asked for, to reveal an allow-list. */
        nonOfficialImage: z.string().min(1).max(256).regex(/^[a-z0-9][^\s\0]*$/).optional(),
      })
      .strict(),
  ),
  /** Registries logged in to, from the docker CLI's config (never a password). */
  'registryAccess.logins': out<RegistryLogins>()(z.object({}).strict()),
  /** `docker login`: checked by the engine (POST /auth), stored where the CLI keeps logins. */
  'registryAccess.login': out<RegistryLogin>()(
    z.object({ server: registry, username: z.string().min(1).max(256).regex(/^[^:\0\n\r]+$/), password: z.string().min(1).max(4096) }).strict(),
  ),
  'registryAccess.logout': out<{ removed: boolean }>()(z.object({ server: registry }).strict()),
  /** One page of /v2/_catalog (Link-header pagination). */
  'registryAccess.catalog': out<CatalogPage>()(z.object({ registry, ...page }).strict()),
  /** One page of /v2/<name>/tags/list. */
  'registryAccess.tags': out<TagsPage>()(z.object({ registry, repository, ...page }).strict()),
  /** Delete a tag's manifest by digest; 'unsupported' where the registry has deletion disabled. */
  'registryAccess.deleteTag': out<DeletedTag>()(z.object({ registry, repository, tag }).strict()),
} as const;
