/**
 * Compose projects as Wharf shows them: from the engine's containers' labels (as `docker compose ls` finds them), plus
 * folders the user opened, and what the compose tool answers about them.
 */

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
  /** Every config file the labels name exists on this machine: up, pull and editing work on the project (adopted). */
  filesHere: boolean;
}

/** A folder (or file) the user opened in Wharf, remembered in $XDG_CONFIG_HOME/wharf/compose-projects.json. */
export interface ComposeOpened {
  /** The project name compose gives it (the `name:` key, else the folder's name, normalised). */
  name: string;
  workingDir: string;
  /** The compose files, absolute (the main file first, then overrides). */
  files: string[];
}

export interface ComposeList {
  projects: ComposeProject[];
  /** Opened folders, whether or not their project has containers now. */
  opened: ComposeOpened[];
  /** The CLI command that lists the same: ["docker","compose","ls"] (with "-a" for all). */
  command: string[];
}

/** Which compose Wharf runs: the docker CLI plugin, else a standalone v2 binary; v1 (Python) is found and refused. */
export type ComposeTool =
  | { kind: 'plugin' | 'standalone'; version: string; path: string; /** argv[0..] of every compose command: ["docker","compose"] or ["docker-compose"]. */ command: string[] }
  | { kind: 'v1'; version: string; path: string }
  | { kind: 'none' };

/** A file of an opened project: a compose file, an override, or the .env file. */
export interface ComposeDocument {
  path: string;
  role: 'compose' | 'override' | 'env';
  /** UTF-8 text; '' for an .env that does not exist yet. */
  text: string;
  /** mtime in ms when read (0 when the file does not exist): a save checks it so an outside edit is never overwritten. */
  mtimeMs: number;
  exists: boolean;
}

/** What `docker compose config` said: the normalised YAML, or the error with the file and line it names. */
export type ComposeConfigResult =
  | { ok: true; name: string; services: string[]; yaml: string; command: string[] }
  | { ok: false; message: string; file?: string; line?: number; output: string; command: string[] };

export interface ComposeFolder {
  name: string;
  workingDir: string;
  documents: ComposeDocument[];
  config: ComposeConfigResult;
}

/** One container of a project, as `docker compose ps -a --format json` lists it. */
export interface ComposeContainer {
  id: string;
  name: string;
  service: string;
  image: string;
  /** running, exited, created… */
  state: string;
  /** "Up 2 minutes", "Exited (0) 3 seconds ago" */
  status: string;
  /** "0.0.0.0:8080->80/tcp, 443/tcp", as docker ps prints ports. */
  ports: string;
  exitCode: number;
}

export interface ComposePs {
  project: string;
  containers: ComposeContainer[];
  command: string[];
}

/** What a `down` would remove, asked of compose itself (`down --dry-run`), before anything goes. */
export interface ComposeDownPreview {
  project: string;
  containers: string[];
  networks: string[];
  /** Only with volumes: the project's named volumes (their data goes). */
  volumes: string[];
  /** Only with images: the images that `--rmi` removes. */
  images: string[];
  /** Of those images, the ones containers outside the project use: the engine keeps them (compose says so). */
  imagesInUseElsewhere: string[];
  command: string[];
}

/** Per service: what a compose task did to it. */
export interface ComposeServiceOutcome {
  service: string;
  state: 'done' | 'failed';
  /** compose's own words for a failure. */
  message?: string;
}

/** A compose task's result: the command that ran and each service's outcome. */
export interface ComposeRunResult {
  command: string[];
  services: ComposeServiceOutcome[];
}

export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  configFiles: 'com.docker.compose.project.config_files',
  workingDir: 'com.docker.compose.project.working_dir',
  oneoff: 'com.docker.compose.oneoff',
} as const;

/** Project names compose accepts: lowercase letters, digits, dashes and underscores, starting with a letter or digit. */
export const COMPOSE_PROJECT_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Service names compose accepts. */
export const COMPOSE_SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;
/** The files compose reads in a folder, in compose-go's order; the first that exists is the project's file. */
export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;
/** Override files compose reads beside the main file, by its name. */
export const COMPOSE_OVERRIDE_NAMES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yml', 'docker-compose.override.yaml'] as const;
