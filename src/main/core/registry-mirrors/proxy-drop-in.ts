/**
 * The engine's proxy on engines before 23, which do not read `proxies` from daemon.json: the environment of
 * docker.service, from a systemd drop-in (Docker's documented http-proxy.conf), then daemon-reload and a restart.
 * Commands for root to run — Wharf does not run them itself. No credentials reach here (the plan refuses them:
 * they would be on screen, and `systemctl show docker` shows a unit's environment to every local user).
 */
import type { ProxySettings } from '../../../shared/engine-proxy';
import type { PlannedCommand } from '../../../shared/registry-mirrors';
import { tool } from './controller';

export const DROP_IN_DIR = '/etc/systemd/system/docker.service.d';
export const DROP_IN_FILE = `${DROP_IN_DIR}/http-proxy.conf`;

/** A unit file's Environment= line: quoted, with systemd's specifier character doubled. */
function environmentLine(name: string, value: string): string {
  return `Environment="${name}=${value.replace(/%/g, '%%').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The drop-in's text, or undefined when there is no proxy to set (the drop-in goes). */
export function dropInText(p: ProxySettings): string | undefined {
  const lines = [
    ...(p.httpProxy ? [environmentLine('HTTP_PROXY', p.httpProxy)] : []),
    ...(p.httpsProxy ? [environmentLine('HTTPS_PROXY', p.httpsProxy)] : []),
    ...(p.noProxy ? [environmentLine('NO_PROXY', p.noProxy)] : []),
  ];
  return lines.length === 0 ? undefined : `# Written by Wharf: the engine's proxy (docker info shows it).\n[Service]\n${lines.join('\n')}\n`;
}

export function proxyDropInCommands(p: ProxySettings, systemDirs: readonly string[]): PlannedCommand[] {
  const t = (name: string): string => tool(name, systemDirs, `/usr/bin/${name}`);
  const systemctl = tool('systemctl', systemDirs, '/usr/bin/systemctl');
  const text = dropInText(p);
  const write: PlannedCommand[] =
    text === undefined
      ? [{ argv: [t('rm'), '-f', '--', DROP_IN_FILE] }]
      : [{ argv: [t('mkdir'), '-p', '-m', '0755', '--', DROP_IN_DIR] }, { argv: [t('tee'), '--', DROP_IN_FILE], stdin: text }];
  return [...write, { argv: [systemctl, 'daemon-reload'] }, { argv: [systemctl, 'restart', 'docker.service'] }];
}
