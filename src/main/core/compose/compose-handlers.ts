/** The compose.* channels: Compose projects as the engine's container labels show them (`docker compose ls`). */
import type { composeChannels } from '../../../shared/channels/compose';
import { COMPOSE_LABELS } from '../../../shared/compose';
import type { HandlersOf } from '../dispatch';
import type { EngineApi } from '../engine/engine-api';
import { projectsOf } from './compose-projects';

export function composeHandlers(deps: { engine: EngineApi }): HandlersOf<typeof composeChannels> {
  return {
    async 'compose.list'({ all }) {
      const containers = await deps.engine.listContainers({ all: true, filters: JSON.stringify({ label: [COMPOSE_LABELS.project] }) });
      // Without -a, `docker compose ls` looks at running containers only: the projects, their status and counts are theirs.
      const projects = projectsOf(all ? containers : containers.filter((c) => c.State === 'running'));
      return { projects, command: ['docker', 'compose', 'ls', ...(all ? ['-a'] : [])] };
    },
  };
}
