/** `npm run serve -- [--host H] [--port P] [--docker-host URL] [--token T] [--daemon-config PATH]`, parsed without a library. */
export interface ServeArgs {
  host: string;
  port: number;
  dockerHost?: string;
  token?: string;
  /** The engine's daemon.json when its dockerd was started by hand with --config-file PATH (reloaded by SIGHUP). */
  daemonConfig?: string;
  help: boolean;
}

export const DEFAULT_PORT = 7370;
export const DEFAULT_BIND = '127.0.0.1';

export class ArgsError extends Error {}

export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const args: ServeArgs = { host: DEFAULT_BIND, port: DEFAULT_PORT, help: false };
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
        if (v.length < 8) throw new ArgsError('--token must be at least 8 characters');
        args.token = v;
        break;
      }
      case '--daemon-config': {
        const v = value();
        if (!v.startsWith('/')) throw new ArgsError(`--daemon-config must be an absolute path, got "${v}"`);
        args.daemonConfig = v;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new ArgsError(`unknown option "${raw}"`);
    }
  }
  return args;
}

export const USAGE = `Usage: npm run serve -- [--host 127.0.0.1] [--port 7370] [--docker-host unix:///var/run/docker.sock] [--token TOKEN] [--daemon-config PATH]

  --host           address to bind (default 127.0.0.1; anything else is reachable from other machines)
  --port           port (default 7370; 0 picks a free one)
  --docker-host    engine endpoint, like docker -H (default: DOCKER_HOST, docker context, local socket)
  --token          access token (default: $WHARF_TOKEN, else a random one)
  --daemon-config  the engine's daemon.json when its dockerd was started by hand with --config-file PATH: the
                   Registries page edits that file and reloads that dockerd (SIGHUP), never a service's
                   (default: the running dockerd's --config-file, reloaded through systemd, SysV or SIGHUP)`;
