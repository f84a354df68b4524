/** The compose.* channels: Compose projects from the engine's labels and opened folders, acted on by compose itself. */
import type { composeChannels } from '../../../shared/channels/compose';
import type { HandlersOf } from '../dispatch';
import type { ComposeService } from './compose-service';

export function composeHandlers(compose: ComposeService): HandlersOf<typeof composeChannels> {
  return {
    'compose.list': ({ all }) => compose.list(all),
    'compose.tool': () => compose.tool(),
    'compose.ps': ({ project }) => compose.ps(project),
    'compose.pickPath': () => compose.pickPath(),
    'compose.open': ({ path }) => compose.open(path),
    'compose.forget': ({ workingDir }) => compose.forget(workingDir),
    'compose.config': ({ files, workingDir }) => compose.config(files, workingDir),
    'compose.save': ({ path, text, mtimeMs }) => compose.save(path, text, mtimeMs),
    'compose.up': (input) => compose.up(input),
    'compose.downPreview': (input) => compose.downPreview(input),
    'compose.down': (input) => compose.down(input),
    'compose.action': (input) => compose.action(input),
  };
}
