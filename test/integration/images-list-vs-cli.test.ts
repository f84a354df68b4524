/**
 * images.list returns exactly the rows of `docker image ls --digests --no-trunc [-a] [-f …]` on the same engine,
 * for every filter and combination (the CLI's command line is written in the test, never taken from Wharf, and
 * the command the page shows must equal it); images.diskUsage agrees with the engine's disk-usage data as the CLI shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { ImageFilters, ImageRow } from '../../src/shared/images';
import { humanSize, imageSize } from '../../src/shared/units';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { buildImage, importBusybox, pushToRegistry, runContainer } from '../support/fixtures';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';
import { call, makeCore } from './make-core';

interface CliImageRow {
  ID: string;
  Repository: string;
  Tag: string;
  Digest: string;
  Size: string;
  CreatedAt: string;
}

/** Go's time.Time.String(): "2026-11-28 04:50:00 +0000 UTC" → Unix seconds. */
function goTimeToUnix(text: string): number {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-]\d\d)(\d\d)/.exec(text);
  if (!m) throw new Error(`unexpected CreatedAt ${text}`);
  return Date.parse(`${m[1]}T${m[2]}${m[3]}:${m[4]}`) / 1000;
}

/**
 * The CLI's answer, as comparable strings: id|repository|tag|digest|size|created. argv is the test's own
 * `image ls …` command line (never Wharf's); the JSON format is added here so rows can be read back.
 */
async function cliRows(engine: PrivateEngine, argv: string[]): Promise<string[]> {
  const { stdout } = await engine.cliOk([...argv, '--format', '{{json .}}']);
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CliImageRow)
    .map((r) => [r.ID, r.Repository, r.Tag, r.Digest, r.Size, goTimeToUnix(r.CreatedAt)].join('|'))
    .sort();
}

function ourRows(rows: ImageRow[]): string[] {
  return rows.map((r) => [r.id, r.repository, r.tag, r.digest, imageSize(r.size), r.created].join('|')).sort();
}

describe('images.list equals `docker image ls` on the same engine', () => {
  let engine: PrivateEngine;
  let registry: PrivateRegistry;
  let core: Core;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [engine, registry] = await Promise.all([startPrivateEngine({ name: 'images' }), startPrivateRegistry()]);
    core = makeCore(engine.host);
    await core.start();
    ids.busybox = await importBusybox(engine);
    // One image under many names: other repos, several tags, a registry host with a port and a namespace.
    for (const ref of ['busybox:1', 'busybox:stable', 'mirror/busybox:edge', 'mirror/name:1', '127.0.0.1:5000/ns/name:v1', '127.0.0.1:5000/ns/name:v2', 'localhost/tools/bb:1']) {
      await engine.cliOk(['tag', 'busybox:latest', ref]);
    }
    // Images built from each other with the legacy builder: intermediate images exist (-a shows them).
    ids.base = await buildImage(engine, 'base:1', 'FROM busybox\nLABEL tier=base\nRUN echo a > /a\nRUN echo b > /b\n');
    ids.appOld = await buildImage(engine, 'app:1', 'FROM base:1\nLABEL tier=app team=core\nRUN echo c > /c\n');
    // Rebuilding the tag leaves the old app:1 dangling.
    ids.app = await buildImage(engine, 'app:1', 'FROM base:1\nLABEL tier=app team=core\nRUN echo c2 > /c\n');
    await engine.cliOk(['tag', 'app:1', 'app:latest']);
    ids.tool = await buildImage(engine, 'tool:1', 'FROM busybox\nRUN dd if=/dev/zero of=/blob bs=1k count=200\n', { args: ['--label', 'owner=ops', '--label', 'tier=tool'] });
    // A pushed image has a RepoDigest (two repos of the same image then carry a digest row).
    await pushToRegistry(engine, registry, 'tool:1', 'team/tool:1');
    await runContainer(engine, ['--name', 'app-runner', 'app:1', 'sleep', '600']);
    await engine.cliOk(['create', '--name', 'base-idle', 'base:1', 'true']);
  }, 600_000);

  afterAll(async () => {
    core?.stop();
    await Promise.all([engine?.destroy(), registry?.destroy()]);
  });

  const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

  /**
   * Every filter, alone and combined: Wharf's filters, and the `-f` flags a user would type for the same question,
   * written out here (the oracle never reads Wharf's command). Ids are filled in after seeding, so cases are functions.
   */
  const cases: Array<[string, () => ImageFilters, () => string[]]> = [
    ['no filter', () => ({}), () => []],
    ['reference=busy*', () => ({ reference: ['busy*'] }), () => ['-f', 'reference=busy*']],
    ['reference=*/name', () => ({ reference: ['*/name'] }), () => ['-f', 'reference=*/name']],
    ['reference=busybox:1 (repo:tag)', () => ({ reference: ['busybox:1'] }), () => ['-f', 'reference=busybox:1']],
    ['reference=127.0.0.1:5000/ns/*', () => ({ reference: ['127.0.0.1:5000/ns/*'] }), () => ['-f', 'reference=127.0.0.1:5000/ns/*']],
    ['two references', () => ({ reference: ['busybox:latest', 'app*'] }), () => ['-f', 'reference=busybox:latest', '-f', 'reference=app*']],
    ['reference with a registry digest', () => ({ reference: [`${registry.address}/team/tool`] }), () => ['-f', `reference=${registry.address}/team/tool`]],
    ['since=busybox:latest', () => ({ since: 'busybox:latest' }), () => ['-f', 'since=busybox:latest']],
    ['before=app:1', () => ({ before: 'app:1' }), () => ['-f', 'before=app:1']],
    ['since=<short id of base:1>', () => ({ since: short(ids.base ?? '') }), () => ['-f', `since=${short(ids.base ?? '')}`]],
    ['before=<short id of tool:1>', () => ({ before: short(ids.tool ?? '') }), () => ['-f', `before=${short(ids.tool ?? '')}`]],
    ['since and before', () => ({ since: 'busybox:latest', before: 'tool:1' }), () => ['-f', 'since=busybox:latest', '-f', 'before=tool:1']],
    ['dangling=true', () => ({ dangling: true }), () => ['-f', 'dangling=true']],
    ['dangling=false', () => ({ dangling: false }), () => ['-f', 'dangling=false']],
    ['label=tier', () => ({ label: ['tier'] }), () => ['-f', 'label=tier']],
    ['label=tier=app', () => ({ label: ['tier=app'] }), () => ['-f', 'label=tier=app']],
    ['two labels', () => ({ label: ['tier=tool', 'owner=ops'] }), () => ['-f', 'label=tier=tool', '-f', 'label=owner=ops']],
    ['reference + label', () => ({ reference: ['app*'], label: ['team=core'] }), () => ['-f', 'reference=app*', '-f', 'label=team=core']],
    ['since + dangling=true', () => ({ since: 'busybox:latest', dangling: true }), () => ['-f', 'since=busybox:latest', '-f', 'dangling=true']],
    ['before + dangling=false + label', () => ({ before: 'tool:1', dangling: false, label: ['tier'] }), () => ['-f', 'before=tool:1', '-f', 'dangling=false', '-f', 'label=tier']],
  ];

  for (const [name, filters, flags] of cases) {
    for (const all of [false, true]) {
      it(`${name}${all ? ' -a' : ''}`, async () => {
        const list = await call(core, 'images.list', { filters: filters(), all });
        const typed = [...(all ? ['-a'] : []), ...flags()];
        // The page shows the command a user would type for the same question …
        expect(list.command).toEqual(['docker', 'image', 'ls', ...typed]);
        // … and its rows are the CLI's for that command (with digests and full ids, which the table shows).
        expect(ourRows(list.rows)).toEqual(await cliRows(engine, ['image', 'ls', '--digests', '--no-trunc', ...typed]));
      });
    }
  }

  it('the seed exercises what it should: intermediates with -a, a dangling image, digests, labels', async () => {
    const plain = await call(core, 'images.list', { filters: {}, all: false });
    const all = await call(core, 'images.list', { filters: {}, all: true });
    expect(new Set(all.rows.map((r) => r.id)).size).toBeGreaterThan(new Set(plain.rows.map((r) => r.id)).size);
    const dangling = await call(core, 'images.list', { filters: { dangling: true }, all: false });
    expect(dangling.rows.map((r) => r.id)).toContain(ids.appOld);
    expect(dangling.rows.every((r) => r.dangling && r.repository === '<none>' && r.tag === '<none>')).toBe(true);
    expect(plain.rows.some((r) => r.digest.startsWith('sha256:') && r.repository === `${registry.address}/team/tool`)).toBe(true);
    expect(plain.rows.filter((r) => r.id === ids.busybox).length).toBe(8);
    expect(plain.rows.find((r) => r.repository === 'tool')?.labels).toMatchObject({ owner: 'ops', tier: 'tool' });
    expect(plain.rows.find((r) => r.repository === '127.0.0.1:5000/ns/name')?.tag).toMatch(/^v[12]$/);
  });

  it('marks dangling exactly the images `docker image ls -a -f dangling=true` lists; untagged parents are intermediate, with their owners', async () => {
    const all = await call(core, 'images.list', { filters: {}, all: true });
    const { stdout } = await engine.cliOk(['image', 'ls', '-a', '-q', '--no-trunc', '-f', 'dangling=true']);
    const cliDangling = new Set(stdout.split('\n').filter((l) => l.trim() !== ''));
    expect(new Set(all.rows.filter((r) => r.dangling).map((r) => r.id))).toEqual(cliDangling);
    const intermediates = all.rows.filter((r) => r.repository === '<none>' && !r.dangling);
    expect(intermediates.length).toBeGreaterThan(0);
    // Every intermediate of the seed has a parent link; base:1's build steps lead to base:1.
    expect(intermediates.every((r) => r.parentId.startsWith('sha256:'))).toBe(true);
    const base = await call(core, 'images.inspect', { image: 'base:1' });
    expect(base.lineage.ancestors.length).toBeGreaterThan(0);
    expect(base.lineage.ancestors[0]?.id).toBe(ids.busybox);
    const step = base.lineage.ancestors.at(-1);
    expect(step?.ref).toBeNull();
    const stepDetails = await call(core, 'images.inspect', { image: step?.id ?? '' });
    expect(stepDetails.lineage.belongsTo.map((o) => o.ref)).toEqual(['base:1']);
    expect(stepDetails.lineage.children.map((c) => c.id)).toContain(ids.base);
  });

  it('counts the containers per image, and a container started with the CLI increases running', async () => {
    const before = await call(core, 'images.list', { filters: { reference: ['app:1', 'base:1'] }, all: false });
    const app = before.rows.find((r) => r.repository === 'app' && r.tag === '1');
    expect(app?.containers).toEqual({ running: 1, other: 0, names: ['app-runner'] });
    expect(before.rows.find((r) => r.repository === 'base')?.containers).toEqual({ running: 0, other: 1, names: ['base-idle'] });
    await runContainer(engine, ['--name', 'app-late', 'app:latest', 'sleep', '600']);
    const after = await call(core, 'images.list', { filters: { reference: ['app:1'] }, all: false });
    const app2 = after.rows.find((r) => r.repository === 'app');
    expect(app2?.containers.running).toBe(2);
    expect([...(app2?.containers.names ?? [])].sort()).toEqual(['app-late', 'app-runner']);
  });

  it('images.diskUsage agrees with `docker system df -v` for every image: size, shared, unique, containers', async () => {
    const usage = await call(core, 'images.diskUsage');
    const { stdout } = await engine.cliOk(['system', 'df', '-v', '--format', '{{json .}}']);
    // Its SIZE is the image formatter's (3 significant digits); SHARED and UNIQUE SIZE are HumanSize (4).
    const cli = JSON.parse(stdout) as { Images: Array<{ ID: string; Size: string; SharedSize: string; UniqueSize: string; Containers: string }> };
    expect(cli.Images.length).toBe(Object.keys(usage.images).length);
    for (const img of cli.Images) {
      const ours = usage.images[img.ID.startsWith('sha256:') ? img.ID : `sha256:${img.ID}`] ?? Object.entries(usage.images).find(([id]) => id.replace('sha256:', '').startsWith(img.ID))?.[1];
      expect(ours, img.ID).toBeDefined();
      if (!ours) continue;
      expect([imageSize(ours.size), humanSize(ours.sharedSize), humanSize(ours.uniqueSize), String(ours.containers)]).toEqual([img.Size, img.SharedSize, img.UniqueSize, img.Containers]);
    }
    const shared = Object.values(usage.images).filter((i) => i.sharedSize > 0);
    expect(shared.length).toBeGreaterThan(0);
    expect(usage.layersSize).toBeGreaterThan(0);
  });
});
