/** The `containers.stats` stream: the engine's stats stream of each container, one sample a second each. */
import { toSample, type RawStats } from '../../../shared/container-stats';
import type { EngineApi } from '../engine/engine-api';
import type { StreamHandler } from './stream-hub';

export function containerStatsHandler(engine: EngineApi): StreamHandler<'containers.stats'> {
  return async (input, ctx) => {
    engine.ready();
    await Promise.all(
      input.ids.map(async (id) => {
        const raw = await engine.containerStats(id, ctx.signal);
        await new Promise<void>((resolve, reject) => {
          let pending = '';
          ctx.signal.addEventListener(
            'abort',
            () => {
              raw.destroy();
              resolve();
            },
            { once: true },
          );
          raw.on('data', (chunk: Buffer) => {
            const parts = (pending + chunk.toString('utf8')).split('\n');
            pending = parts.pop() ?? '';
            // A throw in this callback would be outside the stream's promise: an answer that is not stats ends the
            // stream with an error instead.
            try {
              for (const part of parts) {
                if (part.trim() === '') continue;
                // A container that stopped answers zeros; the CLI shows them, so does Wharf.
                ctx.send(toSample(id, JSON.parse(part) as RawStats));
              }
            } catch (error) {
              raw.destroy();
              reject(error);
            }
          });
          raw.on('end', () => resolve());
          raw.on('error', (error) => (ctx.signal.aborted ? resolve() : reject(error)));
        });
      }),
    );
  };
}
