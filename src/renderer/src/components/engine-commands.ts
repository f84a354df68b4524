import type { ShellCommand } from './CommandBlock';
import type { EngineState } from '../../../shared/engine';
import type { SetupDiagnosis } from '../../../shared/setup';

type ServiceManager = SetupDiagnosis['service']['manager'];

/** The sockets the distribution's docker service listens on. */
const SERVICE_SOCKETS = new Set(['unix:///var/run/docker.sock', 'unix:///run/docker.sock']);

/**
 * What fixes each engine state from a terminal, for the endpoint in use and the service manager Setup found
 * (null while it is not known). Shell commands and distribution names: never translated.
 */
/** `ssh [-p PORT] [user@]host` for an ssh:// endpoint, as a user would type it. */
function sshCommandFor(host: string): string {
  const url = new URL(host);
  const target = `${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.hostname}`;
  return `ssh ${url.port ? `-p ${url.port} ` : ''}${target} docker version`;
}

export function engineCommands(state: EngineState, host: string, manager: ServiceManager | null, context?: string): readonly ShellCommand[] | undefined {
  switch (state) {
    case 'not-running':
      // Starting the system service does not help an engine on another socket or host: look at that one.
      if (!SERVICE_SOCKETS.has(host)) return host.startsWith('unix://') ? [{ command: `ls -l ${host.slice('unix://'.length)}` }, { command: 'docker context ls' }] : [{ command: 'docker context ls' }];
      if (manager === 'sysv') return [{ command: 'sudo service docker start' }];
      if (manager === 'none') return [{ command: 'sudo dockerd' }];
      return [{ command: 'sudo systemctl start docker' }];
    case 'permission-denied':
      return [{ command: 'sudo usermod -aG docker $USER' }, { command: 'newgrp docker' }];
    case 'not-installed':
      return [
        { note: 'Debian / Ubuntu / Deepin / UOS', command: 'sudo apt install docker.io' },
        { note: 'Fedora / openEuler', command: 'sudo dnf install docker' },
      ];
    case 'unreachable':
      // Another host: ask it the way the CLI would, and see the same error the CLI gets.
      if (host.startsWith('ssh://')) return [{ command: sshCommandFor(host) }, ...(context ? [{ command: `docker --context ${context} version` }] : [])];
      if (context && context !== 'default') return [{ command: `docker --context ${context} version` }, { command: 'docker context ls' }];
      return [{ command: 'echo "$DOCKER_HOST"' }, { command: 'docker context ls' }];
    default:
      return undefined;
  }
}
