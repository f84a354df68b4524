import type { ShellCommand } from './CommandBlock';
import type { EngineState } from '../../../shared/engine';

/** What fixes each engine state from a terminal. Shell commands and distribution names: never translated. */
export const ENGINE_COMMANDS: Partial<Record<EngineState, readonly ShellCommand[]>> = {
  'not-running': [{ command: 'sudo systemctl start docker' }],
  'permission-denied': [{ command: 'sudo usermod -aG docker $USER' }, { command: 'newgrp docker' }],
  'not-installed': [
    { note: 'Debian / Ubuntu / Deepin / UOS', command: 'sudo apt install docker.io' },
    { note: 'Fedora / openEuler', command: 'sudo dnf install docker' },
  ],
  unreachable: [{ command: 'echo "$DOCKER_HOST"' }, { command: 'docker context ls' }],
};
