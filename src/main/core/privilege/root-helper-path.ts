/**
 * Where Wharf's root helper (resources/wharf-daemon-json) is. The desktop package installs it root-owned at
 * INSTALLED_HELPER_PATH, the path its polkit action (resources/io.github.wharf.policy) names; a tree without the
 * package (development, tests) uses the copy in resources/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const HELPER_NAME = 'wharf-daemon-json';

/** The packaged helper: what `org.freedesktop.policykit.exec.path` in the polkit policy points at. */
export const INSTALLED_HELPER_PATH = `/usr/lib/wharf/${HELPER_NAME}`;

/**
 * A packaged app (Electron's process.resourcesPath): the installed helper, else the one in its resources/. Otherwise
 * (development, tests, web mode from the tree) the first resources/ folder above this module (out/main when built,
 * src/main/core/privilege under the tests) — never the installed one, so tests do not pick up a machine's package.
 */
export function defaultHelperPath(here: string = __dirname, installed: string = INSTALLED_HELPER_PATH): string | undefined {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) {
    if (existsSync(installed)) return installed;
    if (existsSync(join(packaged, HELPER_NAME))) return join(packaged, HELPER_NAME);
  }
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', HELPER_NAME);
    if (existsSync(candidate)) return candidate;
    if (dir === dirname(dir)) return undefined;
  }
}
