/**
 * The first page of an app start: an unusable local engine opens the Setup wizard once, unless the user already
 * chose a page; a usable engine never nags; an unreachable remote engine leaves the Dashboard to explain.
 */
import { describe, expect, it } from 'vitest';
import { decideStartPage, type StartupFacts } from '../../src/renderer/src/app/startup-decision';
import type { EngineState } from '../../src/shared/engine';

const fresh: StartupFacts = { engineState: null, linkedPage: null, navigated: false };

function decide(engineState: EngineState | null, rest: Partial<StartupFacts> = {}): ReturnType<typeof decideStartPage> {
  return decideStartPage({ ...fresh, engineState, ...rest });
}

describe('start-up decision', () => {
  it.each(['not-running', 'permission-denied', 'not-installed'] as const)('%s on a fresh start opens Setup', (state) => {
    expect(decide(state)).toBe('open-setup');
  });

  it('a connected engine never opens Setup: the Dashboard stays', () => {
    expect(decide('connected')).toBe('keep');
  });

  it('an unreachable (remote) engine keeps the Dashboard, whose problem card explains', () => {
    expect(decide('unreachable')).toBe('keep');
  });

  it('waits while there is no verdict yet', () => {
    expect(decide(null)).toBe('wait');
    expect(decide('connecting')).toBe('wait');
  });

  it('a user who navigated while the engine was still being asked is left alone', () => {
    expect(decide('connecting', { navigated: true })).toBe('keep');
    expect(decide(null, { navigated: true })).toBe('keep');
    expect(decide('permission-denied', { navigated: true })).toBe('keep');
    expect(decide('not-installed', { navigated: true })).toBe('keep');
  });

  it('a start-up link to a page wins over the wizard', () => {
    expect(decide('not-running', { linkedPage: 'images' })).toBe('keep');
    expect(decide('permission-denied', { linkedPage: 'dashboard' })).toBe('keep');
    expect(decide('permission-denied', { linkedPage: 'setup' })).toBe('keep');
  });

  it('every engine state has a decision and only unusable local states open Setup', () => {
    const states: EngineState[] = ['connecting', 'connected', 'not-running', 'permission-denied', 'not-installed', 'unreachable'];
    const opening = states.filter((s) => decide(s) === 'open-setup');
    expect(opening).toEqual(['not-running', 'permission-denied', 'not-installed']);
  });
});
