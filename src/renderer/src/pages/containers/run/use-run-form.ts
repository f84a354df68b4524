import { useCallback, useEffect, useMemo, useState } from 'react';
import { EMPTY_RUN_SPEC, runArgv, runSpecProblems, type RunProblem, type RunSpec } from '../../../../../shared/container-run';
import { call } from '../../../api';

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
}

function same(a: RunProblem, b: RunProblem): boolean {
  return a.field === b.field && a.key === b.key;
}

export function useRunForm(): RunForm {
  const [spec, setSpec] = useState<RunSpec>(EMPTY_RUN_SPEC);
  const [engine, setEngine] = useState<{ spec: RunSpec; problems: RunProblem[] } | null>(null);
  const localProblems = useMemo(() => runSpecProblems(spec), [spec]);
  const argv = useMemo(() => runArgv(spec), [spec]);

  useEffect(() => {
    if (spec.image.trim() === '') return undefined;
    let live = true;
    const timer = setTimeout(() => {
      void call('containers.runPlan', { spec }).then((answer) => {
        if (live && answer.ok) setEngine({ spec, problems: answer.value.problems });
      });
    }, PLAN_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [spec]);

  const problems = useMemo(() => {
    const fromEngine = engine?.spec === spec ? engine.problems.filter((p) => !localProblems.some((l) => same(l, p))) : [];
    return [...localProblems, ...fromEngine];
  }, [engine, spec, localProblems]);

  const update = useCallback((patch: Partial<RunSpec>) => setSpec((s) => ({ ...s, ...patch })), []);
  const setRefused = useCallback((refused: RunProblem[]) => setEngine({ spec, problems: refused }), [spec]);
  return { spec, update, problems, localProblems, argv, setRefused };
}
