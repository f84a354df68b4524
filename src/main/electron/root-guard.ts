/**
 * Whether the desktop app may start as this user. As root, Chromium only starts with --no-sandbox, which turns
 * off the sandbox around the window's web content — the page that holds the Docker socket's power. So root is
 * refused unless the user says, explicitly, that they mean it. Pure, so it is unit-tested.
 */
export const ALLOW_ROOT_FLAG = '--allow-root';
export const ALLOW_ROOT_ENV = 'WHARF_ALLOW_ROOT';

export interface StartFacts {
  /** process.getuid?.(): undefined where the platform has no uids. */
  uid: number | undefined;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

export type RootDecision = 'run' | 'refuse-root';

export function decideRootStart(facts: StartFacts): RootDecision {
  if (facts.uid !== 0) return 'run';
  if (facts.argv.includes(ALLOW_ROOT_FLAG) || facts.env[ALLOW_ROOT_ENV] === '1') return 'run';
  return 'refuse-root';
}
