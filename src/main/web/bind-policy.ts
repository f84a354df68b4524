import type { ServeArgs } from './args';
import { isLoopbackHost } from './allowed-hosts';

/**
 * Off loopback, everything web mode sends — the login URL, session secrets, every Docker answer — crosses a network.
 * That needs TLS, or the user saying in so many words that plain HTTP is fine.
 */
export type BindDecision = { ok: true; warning?: string } | { ok: false; message: string };

export function decideBind(args: Pick<ServeArgs, 'host' | 'port' | 'tlsCert' | 'insecureBind'>): BindDecision {
  if (isLoopbackHost(args.host)) return { ok: true };
  const tls = args.tlsCert !== undefined;
  const reach = `Wharf on ${args.host} is reachable from other machines; anyone holding the token or a session controls your Docker engine, which is root-equivalent.`;
  if (tls) return { ok: true, warning: `WARNING: ${reach}` };
  if (args.insecureBind) {
    return {
      ok: true,
      warning:
        `WARNING: --insecure-bind: serving plain HTTP on ${args.host}. ${reach} Anyone who can watch the network ` +
        'sees the login URL, the session secrets and every Docker answer (names, environment variables, logs) in ' +
        'clear text and can replay them. Use --tls-cert/--tls-key, or keep 127.0.0.1 and an SSH tunnel.',
    };
  }
  return {
    ok: false,
    message:
      `refusing to serve plain HTTP on ${args.host}: the login URL, session secrets and Docker data would cross the ` +
      'network unencrypted. Give --tls-cert PATH --tls-key PATH to serve HTTPS, use --host 127.0.0.1 with an SSH ' +
      'tunnel (ssh -L 7370:127.0.0.1:7370 server), or add --insecure-bind if this network is really yours.',
  };
}
