/**
 * `npm run serve -- [--host H] [--port P] [--docker-host URL] [--token-file PATH] [--tls-cert PATH --tls-key PATH]
 * [--insecure-bind] [--daemon-config PATH] …`, parsed without a library.
 */
export interface ServeArgs {
  host: string;
  port: number;
  dockerHost?: string;
  /** Kept for old scripts; serve warns that it is readable in /proc/PID/cmdline. */
  token?: string;
  /** A file holding the master token: refused unless a regular file, mode 0600, owned by the user running Wharf. */
  tokenFile?: string;
  /** HTTPS: both or neither. */
  tlsCert?: string;
  tlsKey?: string;
  /** Plain HTTP off loopback, asked for explicitly. */
  insecureBind: boolean;
  /** How long the printed login URL works, in seconds. */
  loginTtlSeconds: number;
  /** How long a client may take to send a request's headers, in seconds. */
  headersTimeoutSeconds: number;
  /** The engine's daemon.json when its dockerd was started by hand with --config-file PATH (reloaded by SIGHUP). */
  daemonConfig?: string;
  help: boolean;
}

export const DEFAULT_PORT = 7370;
export const DEFAULT_BIND = '127.0.0.1';
export const DEFAULT_LOGIN_TTL_SECONDS = 60;
export const DEFAULT_HEADERS_TIMEOUT_SECONDS = 10;
export const MIN_TOKEN_LENGTH = 8;

export class ArgsError extends Error {}

function seconds(flag: string, v: string, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > max) throw new ArgsError(`${flag} must be a whole number of seconds from 1 to ${max}, got "${v}"`);
  return n;
}

function absolutePath(flag: string, v: string): string {
  // npm runs the server from the project folder, not the shell's: a relative path would point somewhere else.
  if (!v.startsWith('/')) throw new ArgsError(`${flag} must be an absolute path, got "${v}"`);
  return v;
}

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = {
    host: DEFAULT_BIND,
    port: DEFAULT_PORT,
    insecureBind: false,
    loginTtlSeconds: DEFAULT_LOGIN_TTL_SECONDS,
    headersTimeoutSeconds: DEFAULT_HEADERS_TIMEOUT_SECONDS,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new ArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--host':
        args.host = value();
        break;
      case '--port': {
        const v = value();
        const port = Number(v);
        if (!/^\d+$/.test(v) || port > 65535) throw new ArgsError(`--port must be 0..65535, got "${v}"`);
        args.port = port;
        break;
      }
      case '--docker-host':
        args.dockerHost = value();
        break;
      case '--token': {
        const v = value();
        if (v.length < MIN_TOKEN_LENGTH) throw new ArgsError(`--token must be at least ${MIN_TOKEN_LENGTH} characters`);
        args.token = v;
        break;
      }
      case '--token-file':
        args.tokenFile = absolutePath(flag, value());
        break;
      case '--tls-cert':
        args.tlsCert = absolutePath(flag, value());
        break;
      case '--tls-key':
        args.tlsKey = absolutePath(flag, value());
        break;
      case '--insecure-bind':
        if (inline !== undefined) throw new ArgsError('--insecure-bind takes no value');
        args.insecureBind = true;
        break;
      case '--login-ttl':
        args.loginTtlSeconds = seconds(flag, value(), 3600);
        break;
      case '--headers-timeout':
        args.headersTimeoutSeconds = seconds(flag, value(), 600);
        break;
      case '--daemon-config':
        args.daemonConfig = absolutePath(flag, value());
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new ArgsError(`unknown option "${raw}"`);
    }
  }
  if (args.token !== undefined && args.tokenFile !== undefined) throw new ArgsError('give the token one way: --token-file or --token, not both');
  if ((args.tlsCert === undefined) !== (args.tlsKey === undefined)) throw new ArgsError('--tls-cert and --tls-key go together');
  return args;
}

export const USAGE = `Usage: npm run serve -- [--host 127.0.0.1] [--port 7370] [--docker-host URL] [--token-file PATH]
                         [--tls-cert PATH --tls-key PATH | --insecure-bind] [--daemon-config PATH]

  --host             address to bind (default 127.0.0.1). Any other address is reachable from other machines and
                     needs --tls-cert/--tls-key, or --insecure-bind to serve plain HTTP anyway
  --port             port (default 7370; 0 picks a free one)
  --docker-host      engine endpoint, like docker -H (default: DOCKER_HOST, docker context, local socket)
  --token-file       a file holding the master token for scripts (Authorization: Bearer); it must be a regular
                     file of yours with mode 0600. Default: $WHARF_TOKEN, else a random token each start
  --token            the master token on the command line: every local user can read it in /proc/PID/cmdline;
                     prefer $WHARF_TOKEN or --token-file
  --tls-cert/--tls-key  serve HTTPS with this certificate and key (PEM)
  --insecure-bind    allow plain HTTP off loopback: login URLs, session secrets and all Docker data cross the
                     network unencrypted
  --login-ttl        seconds the printed login URL works (default 60; it works once)
  --headers-timeout  seconds a client may take to send a request's headers (default 10)
  --daemon-config    the engine's daemon.json when its dockerd was started by hand with --config-file PATH: the
                     Registries page edits that file and reloads that dockerd (SIGHUP), never a service's
                     (default: the running dockerd's --config-file, reloaded through systemd, SysV or SIGHUP)`;
