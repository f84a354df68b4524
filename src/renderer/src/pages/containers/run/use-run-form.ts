import { useCallback, useMemo, useState } from 'react';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import { EMPTY_RUN_SPEC, runArgv, runSpecProblems, type RunProblem, type RunSpec } from '../../../../../shared/container-run';
import { useCall } from '../../../hooks/use-call';

/** Engine checks (image present, name free, network, env file) wait for typing to pause. */
const PLAN_DEBOUNCE_MS = 350;

export interface RunForm {
  spec: RunSpec;
  update(patch: Partial<RunSpec>): void;
  /** Every problem: the form's own rules at once, the engine's once it answered for this very spec. */
  problems: RunProblem[];
  /** Only the form's own rules (nothing can be created while any is left). */
  localProblems: RunProblem[];
  argv: string[];
  /** Problems the core refused a run with (they replace the engine's answer for that spec). */
  setRefused(problems: RunProblem[]): void;
  /** The engine's check of this very spec failed (engine away, input refused): said, never ignored. */
  planError: WharfErrorInfo | null;
}

function same(a: RunProblem, b: RunProblem): boolean {
  return a.field === b.field && a.key === b.key;
}

export function useRunForm(): RunForm {
  const [spec, setSpec] = useState<RunSpec>(EMPTY_RUN_SPEC);
  const [refused, setRefusedFor] = useState<{ spec: RunSpec; problems: RunProblem[] } | null>(null);
  const localProblems = useMemo(() => runSpecProblems(spec), [spec]);
  const argv = useMemo(() => runArgv(spec), [spec]);
  const checking = spec.image.trim() !== '';
  const plan = useCall('containers.runPlan', { spec }, { enabled: checking, delayMs: PLAN_DEBOUNCE_MS });
  // The engine's problems count only while they answer this very spec (not while a newer check is out, nor after one failed).
  const planned = checking && !plan.loading && !plan.error ? plan.data?.problems : undefined;
  const engine = refused?.spec === spec ? refused.problems : planned;

  const problems = useMemo(() => {
    const fromEngine = engine ? engine.filter((p) => !localProblems.some((l) => same(l, p))) : [];
    return [...localProblems, ...fromEngine];
  }, [engine, localProblems]);

  const update = useCallback((patch: Partial<RunSpec>) => setSpec((s) => ({ ...s, ...patch })), []);
  const setRefused = useCallback((problems: RunProblem[]) => setRefusedFor({ spec, problems }), [spec]);
  const planError = checking && !plan.loading ? (plan.error ?? null) : null;
  return { spec, update, problems, localProblems, argv, setRefused, planError };
}
