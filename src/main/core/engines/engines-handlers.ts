/** The engines.* channels: the docker CLI's contexts as Wharf's engine switcher. */
import type { enginesChannels } from '../../../shared/channels/engines';
import type { HandlersOf } from '../dispatch';
import type { EnginesService } from './engines-service';

export function enginesHandlers(engines: EnginesService): HandlersOf<typeof enginesChannels> {
  return {
    'engines.list': () => engines.list(),
    'engines.probe': ({ name }) => engines.probe(name),
    'engines.create': (input) => engines.create(input),
    'engines.remove': ({ name, force }) => engines.remove(name, force === true),
    'engines.use': ({ name, alsoForCli }) => engines.use(name, alsoForCli === true),
    'engines.trustHostKey': ({ name, fingerprint }) => engines.trustHostKey(name, fingerprint),
  };
}
