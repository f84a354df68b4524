/** A cleanup run's report from its outcomes, pure. Objects the run never reached (cancelled) count as skipped. */
import type { CleanupItem, CleanupOutcome, CleanupReport } from '../../../shared/cleanup';
import type { Outcome } from './delete-objects';

export interface ReportInput extends Omit<CleanupReport, 'removed' | 'skipped' | 'failed'> {
  outcomes: Array<{ item: CleanupItem; outcome: Outcome | undefined }>;
}

export function buildReport(input: ReportInput): CleanupReport {
  const { outcomes, ...rest } = input;
  const removed: CleanupOutcome[] = [];
  const skipped: CleanupOutcome[] = [];
  const failed: CleanupOutcome[] = [];
  for (const { item, outcome } of outcomes) {
    const entry: CleanupOutcome = { kind: item.kind, name: item.name };
    if (outcome?.reason) entry.reason = outcome.reason;
    if (outcome?.message) entry.message = outcome.message;
    if (!outcome) skipped.push({ ...entry, reason: 'cancelled' });
    else if (outcome.state === 'done') removed.push(entry);
    else if (outcome.state === 'skipped') skipped.push(entry);
    else failed.push(entry);
  }
  return { ...rest, removed, skipped, failed };
}
