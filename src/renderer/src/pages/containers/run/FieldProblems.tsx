import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunProblem } from '../../../../../shared/container-run';
import { dynamicText } from '../../../i18n/messages';

/** The reference grammar's problems read as Pull and Tag say them: one grammar, one message. */
const REFERENCE_PROBLEMS = new Set(['uppercase', 'invalid-format', 'name-too-long', 'invalid-tag', 'invalid-digest']);

function messageKey(key: string): string {
  const grammar = key.startsWith('image_') ? key.slice('image_'.length) : null;
  return grammar !== null && REFERENCE_PROBLEMS.has(grammar) ? `imageTransfer.referenceProblem.${grammar}` : `containers.problem.${key}`;
}

/** The problems of one field (e.g. "ports.1.hostPort"), explained; nothing when it is fine. */
export function FieldProblems({ problems, field }: { problems: readonly RunProblem[]; field: string }): ReactElement | null {
  const { t } = useTranslation();
  const mine = problems.filter((p) => p.field === field);
  if (mine.length === 0) return null;
  return (
    <span className="containers-problem" data-testid={`problem-${field}`} role="alert">
      {mine.map((p) => dynamicText(t, messageKey(p.key), p.key, p.values)).join(' ')}
    </span>
  );
}

export function hasProblem(problems: readonly RunProblem[], field: string): boolean {
  return problems.some((p) => p.field === field);
}
