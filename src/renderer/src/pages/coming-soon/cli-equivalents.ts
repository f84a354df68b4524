import type { ShellCommand } from '../../components/CommandBlock';

export type PlannedPage = 'images' | 'containers' | 'volumes' | 'networks' | 'registries' | 'cleanup' | 'setup';

/** What each unbuilt page's job looks like in a terminal today. Shell commands: never translated. */
export const CLI_EQUIVALENTS: Record<PlannedPage, readonly ShellCommand[]> = {
  images: [{ command: 'docker image ls' }, { command: 'docker pull busybox' }, { command: 'docker image rm IMAGE' }],
  containers: [{ command: 'docker ps -a' }, { command: 'docker logs -f CONTAINER' }, { command: 'docker exec -it CONTAINER sh' }],
  volumes: [{ command: 'docker volume ls' }, { command: 'docker system df -v' }],
  networks: [{ command: 'docker network ls' }, { command: 'docker network inspect NETWORK' }],
  registries: [{ command: 'docker info --format "{{json .RegistryConfig}}"' }, { command: 'sudoedit /etc/docker/daemon.json' }, { command: 'sudo systemctl restart docker' }],
  cleanup: [{ command: 'docker system df' }, { command: 'docker image prune' }, { command: 'docker system prune' }],
  setup: [{ command: 'sudo systemctl enable --now docker' }, { command: 'sudo usermod -aG docker $USER' }, { command: 'dockerd-rootless-setuptool.sh install' }],
};
