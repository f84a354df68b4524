/**
 * What wharf.log says about each daemon.json apply: the file, the outcome and, when it was not applied or was rolled
 * back, why. Never the file's content or the settings (a mirror URL may carry credentials).
 */
import type { RegistryMirrorsApplyResult, RegistryMirrorsRollback } from '../../../shared/registry-mirrors';
import { toErrorInfo } from '../errors';
import type { Logger } from '../log';

export function logApplied(logger: Logger, result: RegistryMirrorsApplyResult): void {
  logger.info('daemon.json apply', { file: result.path, outcome: result.outcome, ...(result.backupPath ? { backupPath: result.backupPath } : {}) });
}

function rollbackOf(details: unknown): RegistryMirrorsRollback | undefined {
  const rollback = (details as { rollback?: RegistryMirrorsRollback } | undefined)?.rollback;
  return rollback?.rolledBack === true ? rollback : undefined;
}

/** A refusal changed nothing; a rollback says whether the original file is back in effect. */
export function logNotApplied(logger: Logger, file: string | undefined, error: unknown): void {
  const info = toErrorInfo(error);
  const rollback = rollbackOf(info.details);
  if (rollback === undefined) {
    logger.warn('daemon.json apply not made', { file, outcome: 'not-applied', code: info.code, reason: info.message });
    return;
  }
  const fields = {
    file,
    outcome: rollback.restored ? 'rolled-back' : 'rollback-incomplete',
    reason: rollback.reason,
    restored: rollback.restored,
    ...(rollback.backupPath ? { backupPath: rollback.backupPath } : {}),
    message: info.message,
  };
  if (rollback.restored) logger.warn('daemon.json rollback', fields);
  else logger.error('daemon.json rollback', fields);
}
