/** GET /containers/json answers as the page's rows (what `docker ps --no-trunc` prints). */
import type { ContainerHealth, ContainerPort, ContainerRow, ContainerState } from '../../../shared/container-list';
import type { EngineContainerSummary } from '../engine/engine-types';

/** The fields of a GET /containers/json entry a row is made of. */
type ContainerListEntry = Pick<EngineContainerSummary, 'Id' | 'Names' | 'Image' | 'ImageID' | 'Command' | 'Created' | 'State' | 'Status' | 'Ports' | 'Labels'>;

const PROJECT_LABEL = 'com.docker.compose.project';

function health(status: string): ContainerHealth | null {
  const m = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!m) return null;
  return m[1] === 'health: starting' ? 'starting' : (m[1] as ContainerHealth);
}

/** The engine lists a port once per host address; the CLI shows each. Sorted like the CLI (by private port). */
function ports(raw: ContainerListEntry): ContainerPort[] {
  return raw.Ports
    .map((p) => ({ ip: p.IP ?? '', privatePort: p.PrivatePort, type: p.Type, ...(p.PublicPort ? { publicPort: p.PublicPort } : {}) }))
    .sort((a, b) => a.privatePort - b.privatePort || a.type.localeCompare(b.type) || a.ip.localeCompare(b.ip));
}

export function containerRow(raw: ContainerListEntry): ContainerRow {
  return {
    id: raw.Id,
    name: (raw.Names[0] ?? '').replace(/^\//, ''),
    image: raw.Image,
    imageId: raw.ImageID,
    command: raw.Command,
    created: raw.Created,
    state: raw.State as ContainerState,
    status: raw.Status,
    health: health(raw.Status),
    ports: ports(raw),
    project: raw.Labels[PROJECT_LABEL] ?? null,
    labels: raw.Labels,
  };
}
