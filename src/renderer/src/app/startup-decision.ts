import type { EngineState } from '../../../shared/engine';
import type { PageId } from '../stores/route-store';

/**
 * wait: the engine has no verdict yet (no status, or still connecting);
 * open-setup: show the Setup wizard now; keep: leave the user where they are.
 */
export type StartupDecision = 'wait' | 'open-setup' | 'keep';

export interface StartupFacts {
  /** The engine's first state of this app start; null until engine.status answered. */
  engineState: EngineState | null;
  /** The page the start-up URL named (`#/images`), or null when it named none (the desktop app always starts so). */
  linkedPage: PageId | null;
  /** The user moved to another page since the app started. */
  navigated: boolean;
}

/** States only the Setup wizard can fix on this machine. A remote engine that does not answer is not one: its Dashboard card explains. */
const UNUSABLE: ReadonlySet<EngineState> = new Set<EngineState>(['not-running', 'permission-denied', 'not-installed']);

/**
 * The first page of an app start, decided once from the engine's first verdict: an unusable local engine opens
 * Setup, unless the user already chose a page (a link, or a click while the engine was still being asked);
 * a usable one never nags.
 */
export function decideStartPage(facts: StartupFacts): StartupDecision {
  if (facts.engineState === null || facts.engineState === 'connecting') return facts.navigated ? 'keep' : 'wait';
  if (!UNUSABLE.has(facts.engineState)) return 'keep';
  if (facts.navigated || facts.linkedPage !== null) return 'keep';
  return 'open-setup';
}
