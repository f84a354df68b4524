/**
 * Browsing a private registry: repositories (/v2/_catalog) and tags pages with Link-header pagination, pulling a
 * tag found there, deleting a tag where the registry allows it (and the 405 where it does not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { TaskInfo } from '../../src/shared/tasks';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { buildImage, importBusybox, pushToRegistry } from '../support/fixtures';
import { makeRegistryAccessCore } from '../support/registry-access-core';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';
import { call } from './make-core';
import fs from 'node:fs';
import path from 'node:path';

const REPOS = ['team/app', 'team/tools', 'zeta/web'];
const APP_TAGS = ['1.0', '1.1', '2.0'];

describe('registryAccess.catalog / tags / deleteTag on a private registry', () => {
  let engine: PrivateEngine;
  let registry: PrivateRegistry;
  let noDelete: PrivateRegistry;
  let core: Core;

  /** Every page of a listing, asked for n at a time. */
  async function pages<T extends { next?: string }>(get: (last?: string) => Promise<T>): Promise<T[]> {
    const all: T[] = [];
    let last: string | undefined;
    for (let i = 0; i < 20; i += 1) {
      const page = await get(last);
      all.push(page);
      if (page.next === undefined) return all;
      last = page.next;
    }
    throw new Error('pagination did not end');
  }

  beforeAll(async () => {
    [engine, registry, noDelete] = await Promise.all([startPrivateEngine({ name: 'browse' }), startPrivateRegistry(), startPrivateRegistry({ deleteEnabled: false })]);
    await importBusybox(engine, 'wharf-src/busybox:1');
    // Each tag its own image (a label), so deleting one manifest takes no other tag with it.
    for (const [index, tag] of APP_TAGS.entries()) {
      await buildImage(engine, `wharf-src/app:${tag}`, `FROM wharf-src/busybox:1\nLABEL wharf.version=${index}\n`);
      await pushToRegistry(engine, registry, `wharf-src/app:${tag}`, `team/app:${tag}`);
    }
    await pushToRegistry(engine, registry, 'wharf-src/busybox:1', 'team/tools:1');
    await pushToRegistry(engine, registry, 'wharf-src/busybox:1', 'zeta/web:latest');
    await pushToRegistry(engine, noDelete, 'wharf-src/app:1.0', 'team/app:1.0');
    core = makeRegistryAccessCore(engine.host, { dockerConfigDir: fs.mkdtempSync(path.join(engine.dir, 'docker-config-')) });
    await core.start();
  }, 240_000);

  afterAll(async () => {
    core?.stop();
    await Promise.all([engine?.destroy(), registry?.destroy(), noDelete?.destroy()]);
  });

  it('pages through the repositories two at a time and one at a time', async () => {
    const byTwo = await pages((last) => call(core, 'registryAccess.catalog', { registry: registry.address, n: 2, ...(last ? { last } : {}) }));
    expect(byTwo.map((p) => p.repositories)).toEqual([REPOS.slice(0, 2), REPOS.slice(2)]);
    const byOne = await pages((last) => call(core, 'registryAccess.catalog', { registry: registry.address, n: 1, ...(last ? { last } : {}) }));
    expect(byOne.flatMap((p) => p.repositories)).toEqual(REPOS);
    expect(byOne.every((p) => p.repositories.length === 1)).toBe(true);
    const all = await call(core, 'registryAccess.catalog', { registry: registry.url });
    expect(all).toEqual({ registry: registry.address, repositories: REPOS });
  });

  it('lists the tags of a repository, sorted; distribution 2.8 does not page tags, so one page and no next', async () => {
    const byOne = await pages((last) => call(core, 'registryAccess.tags', { registry: registry.address, repository: 'team/app', n: 1, ...(last ? { last } : {}) }));
    expect(byOne).toEqual([{ registry: registry.address, repository: 'team/app', tags: APP_TAGS }]);
    const missing = await core.invoke('registryAccess.tags', { registry: registry.address, repository: 'team/nothing' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not-found');
  });

  it('a tag found there pulls with images.pull', async () => {
    const ref = `${registry.address}/zeta/web:latest`;
    const task: TaskInfo = await call(core, 'images.pull', { reference: ref });
    const done = await core.tasks.settled(task.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect((await engine.cliOk(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])).stdout.split('\n')).toContain(ref);
  });

  it('deletes a tag by its digest; the registry no longer has it and the other tags stay', async () => {
    // The digest the push recorded for this tag (RepoDigests), as the CLI shows it.
    const repoDigests = JSON.parse((await engine.cliOk(['image', 'inspect', '--format', '{{json .RepoDigests}}', `${registry.address}/team/app:1.1`])).stdout) as string[];
    const digest = repoDigests.find((d) => d.startsWith(`${registry.address}/team/app@`))?.split('@')[1];
    expect(digest).toMatch(/^sha256:/);
    const deleted = await call(core, 'registryAccess.deleteTag', { registry: registry.address, repository: 'team/app', tag: '1.1' });
    expect(deleted).toMatchObject({ repository: 'team/app', tag: '1.1', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(deleted.digest).toBe(digest);
    expect((await call(core, 'registryAccess.tags', { registry: registry.address, repository: 'team/app' })).tags).toEqual(['1.0', '2.0']);
    const pull = await engine.cli(['pull', `${registry.address}/team/app:1.1`]);
    expect(pull.code).not.toBe(0);
    expect((await engine.cli(['pull', `${registry.address}/team/app:2.0`])).code).toBe(0);
  });

  it('where deletion is disabled the registry answers 405: unsupported, and the tag stays', async () => {
    const envelope = await core.invoke('registryAccess.deleteTag', { registry: noDelete.address, repository: 'team/app', tag: '1.0' });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('unsupported');
    expect(envelope.error.message).toContain('405');
    expect((await call(core, 'registryAccess.tags', { registry: noDelete.address, repository: 'team/app' })).tags).toEqual(['1.0']);
  });

  it('a bad address is invalid input', async () => {
    const envelope = await core.invoke('registryAccess.catalog', { registry: 'ftp://127.0.0.1:1' });
    expect(envelope.ok ? 'ok' : envelope.error.code).toBe('invalid-input');
  });
});
