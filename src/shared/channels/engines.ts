/**
 * Channels of the engine switcher: the docker CLI's contexts, shared with the CLI (`docker context ls/create/rm/use`);
 * see contract.ts for the rules every channel follows. Names and endpoints are checked by the service, so that a
 * problem comes back as `invalid-input` with `details.problems.<field>` for the field it was typed in.
 */
import { z } from 'zod';
import { out } from '../channel-def';
import type { EngineStatus } from '../engine';
import type { EngineEntry, EngineProbe, EnginesList } from '../engines';

const contextName = z.string().min(1).max(200).regex(/^[^\0]*$/);
const hostPath = z.string().min(2).max(4096).regex(/^\/[^\0]*$/, 'an absolute path');

export const enginesChannels = {
  /** `docker context ls`, plus which one Wharf uses (and a rootless socket found without a context). */
  'engines.list': out<EnginesList>()(z.object({}).strict()),
  /** Is this engine reachable now? Asked when the switcher opens; answers within 10 s. */
  'engines.probe': out<EngineProbe>()(z.object({ name: contextName }).strict()),
  /**
   * `docker context create NAME --docker host=…[,ca=…,cert=…,key=…,skip-tls-verify=…]`: the same store, so the CLI
   * sees it. TLS files are paths on the machine Wharf runs on; they are copied into the context's TLS store.
   */
  'engines.create': out<EngineEntry>()(
    z
      .object({
        name: contextName,
        description: z.string().max(1000).regex(/^[^\0]*$/).optional(),
        host: z.string().max(2000),
        tls: z.object({ ca: hostPath.optional(), cert: hostPath.optional(), key: hostPath.optional(), skipVerify: z.boolean().optional() }).strict().optional(),
      })
      .strict(),
  ),
  /** `docker context rm NAME`; the CLI's current context only with force (as `-f`); never the one Wharf uses. */
  'engines.remove': out<null>()(z.object({ name: contextName, force: z.boolean().optional() }).strict()),
  /**
   * Switch Wharf to this engine now, without a restart: pages list again, open streams close, running tasks finish
   * where they started. The CLI's current context changes only with alsoForCli (`docker context use NAME`).
   */
  'engines.use': out<EngineStatus>()(z.object({ name: contextName, alsoForCli: z.boolean().optional() }).strict()),
  /**
   * Trust an ssh host's key whose fingerprint the user saw (engines.probe's unknownHostKey): added to their
   * known_hosts. Refused when the host no longer offers that key, or known_hosts has another key for it.
   */
  'engines.trustHostKey': out<EngineProbe>()(z.object({ name: contextName, fingerprint: z.string().min(8).max(200).regex(/^SHA256:[A-Za-z0-9+/=]+$/) }).strict()),
} as const;
