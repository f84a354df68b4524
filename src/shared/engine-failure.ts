/** WharfErrorInfo.details that tell the renderer more precisely what the engine's answer meant. */

/** A pull or push the engine could not finish because it stopped (or stopped answering) midway. */
export interface EngineStoppedDetails {
  reason: 'engine-stopped';
  during: 'pull' | 'push';
}

/** The engine answered HTTP 403: it refuses the operation (an authorization plugin, a protected object). */
export interface EngineForbiddenDetails {
  reason: 'engine-forbidden';
}

function reasonOf(details: unknown): unknown {
  return details && typeof details === 'object' ? (details as { reason?: unknown }).reason : undefined;
}

export function isEngineStoppedDetails(details: unknown): details is EngineStoppedDetails {
  const during = details && typeof details === 'object' ? (details as { during?: unknown }).during : undefined;
  return reasonOf(details) === 'engine-stopped' && (during === 'pull' || during === 'push');
}

export function isEngineForbiddenDetails(details: unknown): details is EngineForbiddenDetails {
  return reasonOf(details) === 'engine-forbidden';
}
