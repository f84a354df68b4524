/**
 * The Engine API's answers as Wharf reads them, from API 1.41 (engine 20.10) to 1.50 (engine 28). Field names are
 * the Engine API's own. A field some version leaves out is optional; engine-api.ts evens out the differences that
 * matter (lists that may be null become [], BuildCache's Parent/Parents), so services read one shape.
 * Only the fields Wharf uses are listed; inspect answers keep the rest for the JSON views.
 */

export type EngineLabels = Record<string, string>;

/** GET /images/json (and Images of GET /system/df). */
export interface EngineImageSummary {
  Id: string;
  ParentId: string;
  /** Engines before 23 list `<none>:<none>` for an untagged image; row logic handles it as the CLI does. */
  RepoTags: string[];
  RepoDigests: string[];
  Created: number;
  Size: number;
  /** -1 (unknown) in GET /images/json unless the engine computed it; always set by /system/df. */
  SharedSize: number;
  Containers: number;
  Labels: EngineLabels;
}

/** GET /images/{name}/json, verbatim (the inspect view shows it as the engine sent it). */
export interface EngineImageInspect {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  RootFS?: { Type?: string; Layers?: string[] | null } | null;
  [field: string]: unknown;
}

/** GET /images/{name}/history. */
export interface EngineHistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[];
  Size: number;
  Comment: string;
}

/** One line of DELETE /images/{name}. */
export interface EngineImageDeleted {
  Untagged?: string;
  Deleted?: string;
}

export interface EnginePort {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

export interface EngineMountPoint {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  Mode?: string;
  RW?: boolean;
  Driver?: string;
}

/** GET /containers/json (and Containers of GET /system/df). */
export interface EngineContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  State: string;
  Status: string;
  Ports: EnginePort[];
  Labels: EngineLabels;
  Mounts: EngineMountPoint[];
  NetworkSettings?: { Networks?: Record<string, { NetworkID?: string }> | null } | null;
  /** Only from /system/df (or ?size=1). */
  SizeRw?: number;
  SizeRootFs?: number;
  /** API 1.48+: the manifest the container's image was chosen by, with its platform. */
  ImageManifestDescriptor?: { platform?: { architecture?: string; os?: string; variant?: string; 'os.version'?: string } | null } | null;
}

/** GET /containers/{id}/json, verbatim (the inspect view shows it as the engine sent it). */
export interface EngineContainerInspect {
  Id: string;
  Name: string;
  Config?: { Image?: string; Env?: string[] | null; Labels?: EngineLabels | null; Tty?: boolean; StopTimeout?: number | null; StopSignal?: string | null } | null;
  State?: { Status?: string; FinishedAt?: string; Running?: boolean; Paused?: boolean; Restarting?: boolean } | null;
  Mounts?: Array<{ Type: string; Name?: string; Source: string; Destination: string; Mode: string; RW: boolean }> | null;
  NetworkSettings?: {
    Networks?: Record<string, { IPAddress?: string; Gateway?: string; MacAddress?: string; Aliases?: string[] | null }> | null;
    Ports?: Record<string, Array<{ HostIp: string; HostPort: string }> | null> | null;
  } | null;
  /** The json-file driver's log file (empty for other drivers). */
  LogPath?: string;
  HostConfig?: { LogConfig?: { Type?: string; Config?: Record<string, string> | null } | null; [field: string]: unknown } | null;
  [field: string]: unknown;
}

/** GET /volumes (Volumes[]), POST /volumes/create, and Volumes of GET /system/df. */
export interface EngineVolume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  Scope?: string;
  Labels: EngineLabels;
  CreatedAt?: string;
  /** Only from /system/df. */
  UsageData?: { Size: number; RefCount: number } | null;
}

/** GET /networks and GET /networks/{id}. */
export interface EngineNetwork {
  Id: string;
  Name: string;
  Driver: string;
  Scope: string;
  Created: string;
  Internal?: boolean;
  Labels: EngineLabels;
  IPAM?: { Config?: Array<{ Subnet?: string; Gateway?: string }> | null } | null;
  /** The containers attached now (inspect; the list leaves it empty). */
  Containers: Record<string, unknown>;
}

/** One record of BuildCache in GET /system/df. */
export interface EngineBuildCacheRecord {
  ID: string;
  /** Records this one builds on: API 1.42+ sends Parents, older engines one Parent; both end up here. */
  Parents: string[];
  Type: string;
  Description?: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  LastUsedAt?: string | null;
  CreatedAt?: string;
  UsageCount?: number;
}

/** GET /system/df (`docker system df -v`). */
export interface EngineDiskUsage {
  LayersSize: number;
  Images: EngineImageSummary[];
  Containers: EngineContainerSummary[];
  Volumes: EngineVolume[];
  BuildCache: EngineBuildCacheRecord[];
}

export interface EngineRegistryConfig {
  Mirrors?: string[] | null;
  InsecureRegistryCIDRs?: string[] | null;
  IndexConfigs?: Record<string, { Name?: string; Secure?: boolean }> | null;
}

/** GET /info, the fields Wharf shows or checks. */
export interface EngineInfo {
  Name?: string;
  ServerVersion?: string;
  OperatingSystem?: string;
  OSType?: string;
  KernelVersion?: string;
  Architecture?: string;
  NCPU?: number;
  MemTotal?: number;
  Driver?: string;
  DockerRootDir?: string;
  CgroupDriver?: string;
  CgroupVersion?: string;
  SecurityOptions?: string[] | null;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  Warnings?: string[] | null;
  RegistryConfig?: EngineRegistryConfig | null;
  /** The proxy dockerd uses (its `proxies` setting, else its environment), credentials masked as xxxxx:xxxxx. */
  HttpProxy?: string;
  HttpsProxy?: string;
  NoProxy?: string;
  LiveRestoreEnabled?: boolean;
  /** The default log driver of new containers. */
  LoggingDriver?: string;
}

/** GET /version, as far as Wharf uses it. */
export interface EngineVersion {
  Version: string;
  ApiVersion: string;
  MinAPIVersion?: string;
  Os: string;
  Arch: string;
  KernelVersion?: string;
}

/** GET /exec/{id}/json. */
export interface EngineExecInspect {
  ExitCode: number | null;
  Running?: boolean;
}

/** Filters as the Engine API takes them: name → values (sent as JSON). */
export type EngineFilters = Record<string, string[]>;
