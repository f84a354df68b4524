import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` whenever the socket's name is created, replaced or removed in its folder, so a local engine
 * that comes back is seen at once instead of at the next backoff step. Never throws: a folder that cannot be
 * watched (missing, no inotify left) only means no early wake-up; the capped backoff still finds the engine.
 * Answers the function that ends the watch.
 */
export function watchSocket(socketPath: string, onChange: () => void): () => void {
  const name = basename(socketPath);
  let watcher: FSWatcher | undefined;
  const close = (): void => {
    watcher?.close();
    watcher = undefined;
  };
  try {
    // persistent: false — a watch must never keep the process alive by itself.
    watcher = watch(dirname(socketPath), { persistent: false }, (_event, filename) => {
      if (filename === null || filename.toString() === name) onChange();
    });
    watcher.on('error', close);
  } catch {
    // No folder to watch (yet): the connection's own retry timer still notices the engine.
    return () => undefined;
  }
  return close;
}
