/** Compose projects as Wharf shows them: from the engine's containers' labels, as `docker compose ls` finds them. */

export interface ComposeService {
  name: string;
  /** Containers of the service (full IDs). */
  containers: string[];
  running: number;
}

export interface ComposeProject {
  /** com.docker.compose.project */
  name: string;
  /** What `docker compose ls` prints: each container state with its count, e.g. "exited(1), running(2)". */
  status: string;
  running: number;
  total: number;
  /** com.docker.compose.project.config_files, as `docker compose ls` prints it (comma-separated). */
  configFiles: string;
  /** com.docker.compose.project.working_dir ('' when the containers do not say). */
  workingDir: string;
  services: ComposeService[];
}

export interface ComposeList {
  projects: ComposeProject[];
  /** The CLI command that lists the same: ["docker","compose","ls"] (with "-a" for all). */
  command: string[];
}

export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  configFiles: 'com.docker.compose.project.config_files',
  workingDir: 'com.docker.compose.project.working_dir',
} as const;
