/**
 * Every page in zh-CN reads as Chinese: its visible text holds no Latin word that is not a command, an image
 * reference, a path, a unit, an engine value shown as the CLI shows it, or a proper name. Leftover English, raw
 * i18n keys and untranslated engine status strings ("Up 5 minutes", "Exited (0)") fail it. It runs last of the web
 * specs, so the pages show what the others left on the engine: images, containers, volumes, networks.
 */
import { expect, test, type Page } from '@playwright/test';
import { catalogs } from '../../../src/renderer/src/i18n/catalogs';
import { openApp } from '../support/e2e-env';

/** Names the same in every language: products, formats, protocols, units. */
const PROPER_NAMES = [
  'Docker', 'Wharf', 'Compose', 'BuildKit', 'Hub', 'DaoCloud', 'Aliyun', 'Linux', 'Debian', 'Dockerfile', 'Podman', 'Portainer',
  'CLI', 'API', 'ID', 'IDs', 'CPU', 'JSON', 'CSV', 'YAML', 'TLS', 'SSH', 'URL', 'HTTP', 'HTTPS', 'IP', 'IPv4', 'IPv6',
  'TCP', 'UDP', 'DNS', 'CIDR', 'MAC', 'PID', 'UID', 'GID', 'TTY', 'OS', 'English', 'Web', 'Cgroup', 'cgroup', 'polkit', 'Rootless',
  'rootless', 'localhost',
  'B', 'kB', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB',
];
/** Commands and programs a user types or runs, named as they are typed. */
const COMMANDS = ['docker', 'dockerd', 'sudo', 'systemctl', 'pkexec', 'usermod', 'newgrp', 'root', 'sh', 'bash'];
/**
 * Engine values Wharf shows exactly as `docker … ls` and `docker inspect` do (the CLI prints them untranslated in
 * every locale): network and volume drivers and scopes, the default networks, the e2e suite's own image names.
 */
const ENGINE_VALUES = ['bridge', 'host', 'none', 'null', 'overlay', 'macvlan', 'ipvlan', 'local', 'global', 'swarm', 'busybox', 'nginx'];
const ALLOWED = new Set([...PROPER_NAMES, ...COMMANDS, ...ENGINE_VALUES]);

/** A command quoted in a sentence ("相当于 docker system prune"): the program and up to four words or flags after it. */
const COMMAND_RUN = /\b(?:dockerd|docker|sudo|systemctl|npm)\b(?: +(?:-{1,2}[\w-]+(?:=\S+)?|[a-z][\w.-]*)){0,4}/g;

/** A token with any of these is technical: a reference, path, flag, version, size, address or template. */
const TECHNICAL = /[/:.@_=<>{}[\]\d-]/;
const LATIN = /[A-Za-z]/;

function keysOf(node: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) keysOf(v, prefix ? `${prefix}.${k}` : k, out);
  else out.add(prefix);
  return out;
}
/** Every message key, and the shape of one that is missing (i18next shows the key itself): `<namespace>.<path>`. */
const KEYS = keysOf(catalogs.en);
const NAMESPACES = new Set(Object.keys(catalogs.en));
const looksLikeKey = (token: string): boolean => /^[a-z][A-Za-z]*(\.[A-Za-z][\w-]*)+$/.test(token) && NAMESPACES.has(token.split('.')[0] ?? '');

/** The visible text of the page, without what is typed or run (code, pre, kbd, inputs) or marked translate="no". */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = 'code, pre, kbd, samp, script, style, textarea, input, select, [translate="no"]';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || el.closest(skip)) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !el.closest('.visually-hidden')) continue;
      out.push(text);
    }
    return out;
  });
}

/** The words that are neither Chinese nor allowed, each with the text it was found in. */
function strayEnglish(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const raw of text.replace(COMMAND_RUN, ' ').split(/[\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef，。、：；（）“”‘’·…]+/)) {
      const token = raw.replace(/^[("'«]+|[)"'»,;!?%]+$/g, '');
      if (!LATIN.test(token)) continue;
      if (KEYS.has(token) || looksLikeKey(token)) found.push(`raw message key "${token}" in "${text}"`);
      else if (!TECHNICAL.test(token) && !ALLOWED.has(token)) found.push(`"${token}" in "${text}"`);
    }
  }
  return [...new Set(found)];
}

test.describe('in zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test('every page and tab reads as Chinese', async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    const pages = await page.locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.testid?.replace(/^nav-/, '') ?? ''));
    expect(pages.length).toBeGreaterThanOrEqual(9);
    const report: string[] = [];
    for (const name of pages) {
      await page.getByTestId(`nav-${name}`).click();
      const shown = page.getByTestId(`page-${name}`);
      await expect(shown).toBeVisible();
      await expect(shown.locator('.spinner-row')).toHaveCount(0, { timeout: 20_000 });
      if (name === 'setup') await expect(page.getByTestId('setup-verdict')).toHaveAttribute('data-verdict', 'usable');
      report.push(...strayEnglish(await visibleText(page)).map((s) => `${name}: ${s}`));
      // Each tab of the page as well (cleanup's df tables, setup's install guides).
      const tabs = shown.getByRole('tab');
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        report.push(...strayEnglish(await visibleText(page)).map((s) => `${name}, tab ${i + 1}: ${s}`));
      }
    }
    expect([...new Set(report)]).toEqual([]);
  });
});
