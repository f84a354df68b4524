/**
 * Synchronous cleanups that run when the process exits or is interrupted, so a crashed or
 * cancelled test run still removes its engines and registries.
 */
type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
let installed = false;

function runAll(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // keep cleaning the others
    }
  }
}

function onSignal(sig: NodeJS.Signals): void {
  runAll();
  process.removeListener(sig, onSignal);
  // Re-raise only if nobody else handles it, so the default action (exit) happens.
  if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, onSignal);
}

/** Registers a synchronous cleanup; returns a function that unregisters it (call it after a normal teardown). */
export function onProcessExit(cleanup: Cleanup): () => void {
  install();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}
