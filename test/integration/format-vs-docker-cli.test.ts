/**
 * images.format and containers.format print byte for byte what `docker image ls --format` and `docker ps --format`
 * print on the same engine, for the "Docker实践" post's situations (repositories with a registry host and port,
 * `<none>` rows, several tags on one ID, digests, intermediates with -a) — errors included, and the CLI's argv is
 * written here, never taken from Wharf.
 *
 * Two things make the CLI's own output vary between runs: relative times ("3 seconds ago") tick, and an image with
 * several repositories prints them in Go's random map order. So each case runs the CLI before Wharf and again
 * after it, up to ten times: Wharf's text must equal one of those outputs exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { ImageFilters } from '../../src/shared/images';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { buildImage, importBusybox, pushToRegistry, runContainer } from '../support/fixtures';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';
import { makeCore } from './make-core';

type Answer = { ok: true; text: string } | { ok: false; error: string };

describe('--format equals the docker CLI on the same engine', () => {
  let engine: PrivateEngine;
  let registry: PrivateRegistry;
  let core: Core;

  beforeAll(async () => {
    [engine, registry] = await Promise.all([startPrivateEngine({ name: 'format' }), startPrivateRegistry()]);
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine);
    // The post's repositories: a registry host with a port, a dot and a dash in the name; several tags on one ID.
    for (const ref of ['20.26.38.47:5000/redo_java:v26', '20.26.38.47:5000/redo_java:v25', '20.26.38.47:5000/suse12.2-jf:latest', 'wharf/multi:a', 'wharf/multi:b', 'wharf/multi:c']) {
      await engine.cliOk(['tag', 'busybox:latest', ref]);
    }
    // Built on each other with the legacy builder: intermediates (-a); rebuilding app:1 leaves a dangling image.
    await buildImage(engine, 'base:1', 'FROM busybox\nLABEL tier=base\nRUN echo a > /a\nRUN echo b > /b\n');
    await buildImage(engine, 'app:1', 'FROM base:1\nRUN echo c > /c\n');
    await buildImage(engine, 'app:1', 'FROM base:1\nRUN echo c2 > /c\n');
    // A pushed image carries a digest.
    await buildImage(engine, 'tool:1', 'FROM busybox\nRUN echo t > /t\n');
    await pushToRegistry(engine, registry, 'tool:1', 'team/tool:1');
    await runContainer(engine, ['--name', 'web', '--label', 'com.example.tier=front', '--label', 'owner=ops', '--expose', '80', '--expose', '81', '-v', 'webdata:/data', 'app:1', 'sleep', '600']);
    await runContainer(engine, ['--name', 'worker', 'wharf/multi:b', 'sh', '-c', 'echo "a\tb" && sleep 600']);
    await engine.cliOk(['create', '--name', 'idle', '--label', 'com.example.tier=back', 'base:1', 'true']);
  }, 600_000);

  afterAll(async () => {
    core?.stop();
    await Promise.all([engine?.destroy(), registry?.destroy()]);
  });

  /** The CLI's answer: stdout, or stderr without the trailing newline when it fails. */
  async function cli(argv: string[]): Promise<Answer> {
    const r = await engine.cli(argv);
    return r.code === 0 ? { ok: true, text: r.stdout } : { ok: false, error: r.stderr.replace(/\n$/, '') };
  }

  async function wharf(channel: 'images.format' | 'containers.format', input: object): Promise<Answer> {
    const envelope = await core.invoke(channel, input);
    if (envelope.ok) return { ok: true, text: (envelope.value as { text: string }).text };
    expect(envelope.error.code).toBe('invalid-input');
    return { ok: false, error: (envelope.error.details as { cliError: string }).cliError };
  }

  /**
   * Wharf's answer must be byte for byte one the CLI gave. Both sides may order the repositories of one image
   * differently from run to run — the CLI walks a Go map (random order by design), and dockerd 26.1 builds RepoTags
   * from one — so up to ten more runs of each are compared, every answer of Wharf's against every one of the CLI's.
   */
  async function expectSameAsCli(argv: string[], ours: () => Promise<Answer>): Promise<Answer> {
    const seen = [await cli(argv)];
    const answers = [await ours()];
    const key = (a: Answer): string => JSON.stringify(a);
    const match = (): Answer | undefined => answers.find((a) => seen.some((c) => key(c) === key(a)));
    while (match() === undefined && seen.length <= 10) {
      seen.push(await cli(argv));
      answers.push(await ours());
    }
    const answer = match() ?? answers[0]!;
    expect(seen.find((c) => key(c) === key(answer)) ?? seen.at(-1)).toEqual(answer);
    return answer;
  }

  /** Each case: the page's filters, -a, --digests, the format; the CLI's flags written out by hand. */
  const imageCases: Array<{ name: string; filters: ImageFilters; all?: boolean; digests?: boolean; format: string; argv: string[] }> = [
    { name: 'the default table (no --format)', filters: { reference: ['20.26.38.47:5000/*'] }, format: '', argv: ['image', 'ls', '-f', 'reference=20.26.38.47:5000/*'] },
    { name: 'the post\'s {{.ID}}: {{.Repository}}', filters: { reference: ['20.26.38.47:5000/*'] }, format: '{{.ID}}: {{.Repository}}', argv: ['image', 'ls', '-f', 'reference=20.26.38.47:5000/*', '--format', '{{.ID}}: {{.Repository}}'] },
    { name: 'several tags on one ID', filters: { reference: ['wharf/multi'] }, format: 'table {{.ID}}\\t{{.Repository}}\\t{{.Tag}}', argv: ['image', 'ls', '-f', 'reference=wharf/multi', '--format', 'table {{.ID}}\\t{{.Repository}}\\t{{.Tag}}'] },
    { name: '<none> rows of dangling images', filters: { dangling: true }, format: 'table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}', argv: ['image', 'ls', '-f', 'dangling=true', '--format', 'table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}'] },
    { name: 'intermediates with -a, every size column', filters: { reference: ['app*', 'base*'] }, all: true, format: 'table {{.Repository}}:{{.Tag}}\\t{{.Size}}\\t{{.VirtualSize}}\\t{{.SharedSize}}\\t{{.UniqueSize}}\\t{{.Containers}}', argv: ['image', 'ls', '-a', '-f', 'reference=app*', '-f', 'reference=base*', '--format', 'table {{.Repository}}:{{.Tag}}\\t{{.Size}}\\t{{.VirtualSize}}\\t{{.SharedSize}}\\t{{.UniqueSize}}\\t{{.Containers}}'] },
    { name: 'json lines', filters: { reference: ['20.26.38.47:5000/*', 'tool'] }, format: 'json', argv: ['image', 'ls', '-f', 'reference=20.26.38.47:5000/*', '-f', 'reference=tool', '--format', 'json'] },
    { name: '{{json .}} with --digests', filters: { reference: [`${'REGISTRY'}/team/tool`] }, digests: true, format: '{{json .}}', argv: ['image', 'ls', '--digests', '-f', 'reference=REGISTRY/team/tool', '--format', '{{json .}}'] },
    { name: 'a table with --digests gets the DIGEST column added', filters: { reference: ['REGISTRY/team/tool', 'tool'] }, digests: true, format: 'table {{.Repository}}\\t{{.ID}}', argv: ['image', 'ls', '--digests', '-f', 'reference=REGISTRY/team/tool', '-f', 'reference=tool', '--format', 'table {{.Repository}}\\t{{.ID}}'] },
    { name: 'a digest-only repository without --digests', filters: {}, format: '{{.Repository}}|{{.Tag}}|{{.Digest}}', argv: ['image', 'ls', '--format', '{{.Repository}}|{{.Tag}}|{{.Digest}}'] },
    { name: 'raw', filters: { reference: ['app'] }, format: 'raw', argv: ['image', 'ls', '-f', 'reference=app', '--format', 'raw'] },
    { name: 'CreatedAt and CreatedSince', filters: { reference: ['base', 'app'] }, format: '{{.CreatedAt}} / {{.CreatedSince}}', argv: ['image', 'ls', '-f', 'reference=base', '-f', 'reference=app', '--format', '{{.CreatedAt}} / {{.CreatedSince}}'] },
    { name: 'functions, if/else and printf', filters: { reference: ['20.26.38.47:5000/*', 'wharf/*'] }, format: '{{if eq .Tag "v26"}}{{upper .Repository}}{{else}}{{printf "%-24s|" .Repository}}{{end}} {{join (split .Repository "/") "_"}} {{title .Tag}} {{truncate .ID 4}}{{pad .Tag 1 2}}.', argv: ['image', 'ls', '-f', 'reference=20.26.38.47:5000/*', '-f', 'reference=wharf/*', '--format', '{{if eq .Tag "v26"}}{{upper .Repository}}{{else}}{{printf "%-24s|" .Repository}}{{end}} {{join (split .Repository "/") "_"}} {{title .Tag}} {{truncate .ID 4}}{{pad .Tag 1 2}}.'] },
    { name: 'a table whose header uses functions', filters: { reference: ['wharf/multi'] }, format: 'table {{lower .Repository}}\\t{{json .Tag}}\\t{{pad .ID 2 0}}', argv: ['image', 'ls', '-f', 'reference=wharf/multi', '--format', 'table {{lower .Repository}}\\t{{json .Tag}}\\t{{pad .ID 2 0}}'] },
    { name: 'the post\'s typo {{.ID}}:{{.Respository}}', filters: {}, format: '{{.ID}}:{{.Respository}}', argv: ['image', 'ls', '--format', '{{.ID}}:{{.Respository}}'] },
    { name: 'a function that does not exist', filters: {}, format: '{{foo .ID}}', argv: ['image', 'ls', '--format', '{{foo .ID}}'] },
    { name: 'an unclosed action', filters: {}, format: '{{.ID', argv: ['image', 'ls', '--format', '{{.ID'] },
    { name: 'an index out of range', filters: { reference: ['wharf/multi'] }, format: '{{index (split .Repository "/") 5}}', argv: ['image', 'ls', '-f', 'reference=wharf/multi', '--format', '{{index (split .Repository "/") 5}}'] },
    { name: 'a number where a string is wanted', filters: { reference: ['wharf/multi'] }, format: '{{.Tag}} {{upper 5}}', argv: ['image', 'ls', '-f', 'reference=wharf/multi', '--format', '{{.Tag}} {{upper 5}}'] },
    { name: 'a computed value of the wrong type', filters: { reference: ['wharf/multi'] }, format: '{{upper (len .Tag)}}', argv: ['image', 'ls', '-f', 'reference=wharf/multi', '--format', '{{upper (len .Tag)}}'] },
    { name: 'a field of a string', filters: { reference: ['wharf/multi'] }, format: '{{.Tag.Nope}}', argv: ['image', 'ls', '-f', 'reference=wharf/multi', '--format', '{{.Tag.Nope}}'] },
    { name: 'a method images do not have (.Label)', filters: {}, format: '{{.Label "tier"}}', argv: ['image', 'ls', '--format', '{{.Label "tier"}}'] },
  ];

  for (const c of imageCases) {
    it(`images: ${c.name}`, async () => {
      const swap = (s: string): string => s.replaceAll('REGISTRY', registry.address);
      const filters = Object.fromEntries(Object.entries(c.filters).map(([k, v]) => [k, Array.isArray(v) ? v.map(swap) : v]));
      const answer = await expectSameAsCli(c.argv.map(swap), () => wharf('images.format', { filters, all: c.all ?? false, digests: c.digests ?? false, format: c.format }));
      // Every case prints something or fails as the CLI does: an empty list would prove nothing.
      expect(answer.ok ? answer.text : answer.error).not.toBe('');
    });
  }

  it('images: the typo names the field, as the post shows', async () => {
    const answer = await wharf('images.format', { filters: {}, all: false, format: '{{.ID}}:{{.Respository}}' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toContain("can't evaluate field Respository");
  });

  it('images: CreatedAt follows the local time zone as the CLI does (TZ=Asia/Shanghai)', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const argv = ['image', 'ls', '-f', 'reference=app', '--format', '{{.CreatedAt}}'];
      const ours = await wharf('images.format', { filters: { reference: ['app'] }, all: false, format: '{{.CreatedAt}}' });
      const theirs = await engine.cliOk(argv, { env: { TZ: 'Asia/Shanghai' } });
      expect(ours).toEqual({ ok: true, text: theirs.stdout });
      expect(theirs.stdout).toMatch(/ \+0800 CST\n$/);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  const containerCases: Array<{ name: string; all: boolean; format: string; argv: string[] }> = [
    { name: 'the default table (no --format)', all: true, format: '', argv: ['ps', '-a'] },
    { name: 'names, status and exposed port ranges', all: false, format: 'table {{.Names}}\\t{{.Status}}\\t{{.Ports}}', argv: ['ps', '--format', 'table {{.Names}}\\t{{.Status}}\\t{{.Ports}}'] },
    { name: 'every plain field', all: true, format: '{{.ID}}|{{.Image}}|{{.Command}}|{{.Labels}}|{{.Mounts}}|{{.LocalVolumes}}|{{.Networks}}|{{.State}}|{{.CreatedAt}}|{{.Platform}}', argv: ['ps', '-a', '--format', '{{.ID}}|{{.Image}}|{{.Command}}|{{.Labels}}|{{.Mounts}}|{{.LocalVolumes}}|{{.Networks}}|{{.State}}|{{.CreatedAt}}|{{.Platform}}'] },
    { name: 'a label by name', all: true, format: '{{.Names}}={{.Label "com.example.tier"}}', argv: ['ps', '-a', '--format', '{{.Names}}={{.Label "com.example.tier"}}'] },
    { name: 'a table header from a label', all: true, format: 'table {{.Names}}\\t{{.Label "com.example.tier"}}', argv: ['ps', '-a', '--format', 'table {{.Names}}\\t{{.Label "com.example.tier"}}'] },
    { name: '.Size asks the engine for sizes', all: true, format: 'table {{.Names}}\\t{{.Size}}', argv: ['ps', '-a', '--format', 'table {{.Names}}\\t{{.Size}}'] },
    { name: 'json', all: true, format: 'json', argv: ['ps', '-a', '--format', 'json'] },
    { name: 'raw', all: false, format: 'raw', argv: ['ps', '--format', 'raw'] },
    { name: 'RunningFor', all: true, format: '{{.Names}} {{.RunningFor}}', argv: ['ps', '-a', '--format', '{{.Names}} {{.RunningFor}}'] },
    { name: 'an unknown field', all: true, format: '{{.Nmes}}', argv: ['ps', '-a', '--format', '{{.Nmes}}'] },
    { name: 'an unclosed action', all: true, format: 'table {{.Names', argv: ['ps', '-a', '--format', 'table {{.Names'] },
  ];

  for (const c of containerCases) {
    it(`containers: ${c.name}`, async () => {
      const answer = await expectSameAsCli(c.argv, () => wharf('containers.format', { all: c.all, format: c.format }));
      expect(answer.ok ? answer.text : answer.error).not.toBe('');
    });
  }
});
