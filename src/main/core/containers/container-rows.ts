/** GET /containers/json answers as the page's rows (what `docker ps --no-trunc` prints). */
import type { ContainerHealth, ContainerPort, ContainerRow, ContainerState } from '../../../shared/container-list';

export interface RawContainer {
  Id: string;
  Names?: string[] | null;
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  State: string;
  Status: string;
  Ports?: Array<{ IP?: string; PrivatePort: number; PublicPort?: number; Type: string }> | null;
  Labels?: Record<string, string> | null;
}

const PROJECT_LABEL = 'com.docker.compose.project';

function health(status: string): ContainerHealth | null {
  const m = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!m) return null;
  return m[1] === 'health: starting' ? 'starting' : (m[1] as ContainerHealth);
}

/** The engine lists a port once per host address; the CLI shows each. Sorted like the CLI (by private port). */
function ports(raw: RawContainer): ContainerPort[] {
  return (raw.Ports ?? [])
    .map((p) => ({ ip: p.IP ?? '', privatePort: p.PrivatePort, type: p.Type, ...(p.PublicPort ? { publicPort: p.PublicPort } : {}) }))
    .sort((a, b) => a.privatePort - b.privatePort || a.type.localeCompare(b.type) || a.ip.localeCompare(b.ip));
}

export function containerRow(raw: RawContainer): ContainerRow {
  const labels = raw.Labels ?? {};
  return {
    id: raw.Id,
    name: (raw.Names?.[0] ?? '').replace(/^\//, ''),
    image: raw.Image,
    imageId: raw.ImageID,
    command: raw.Command,
    created: raw.Created,
    state: raw.State as ContainerState,
    status: raw.Status,
    health: health(raw.Status),
    ports: ports(raw),
    project: labels[PROJECT_LABEL] ?? null,
    labels,
  };
}
