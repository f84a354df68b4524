/**
 * Prefix acceleration against a private engine: a loopback registry plays a prefix mirror (m.daocloud.io's role) and
 * holds `ghcr.io/acme/tool`. A pull of `ghcr.io/acme/tool:1` goes through it and ends with exactly the name asked
 * for in `docker image ls`, no mirror name. Stand-ins answering 403 (an allow-list) and 429 give the explained
 * failures. Nothing leaves the machine: every registry here is on 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import type { TaskInfo } from '../../src/shared/tasks';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox, pushToRegistry } from '../support/fixtures';
import { startPrivateRegistry, type PrivateRegistry } from '../support/registry-harness';
import { startRegistryStub, type RegistryStub } from '../support/registry-stub';
import { call, makeCoreIn } from './make-core';

describe('pulls through a prefix mirror', () => {
  let engine: PrivateEngine;
  let mirror: PrivateRegistry;
  let forbidding: RegistryStub;
  let limiting: RegistryStub;
  let core: Core;
  let dir: string;

  const names = async (): Promise<string[]> => (await engine.cliOk(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])).stdout.split('\n').filter((l) => l !== '').sort();
  const settled = async (task: TaskInfo): Promise<TaskInfo<'pull'>> => (await core.tasks.settled(task.id)) as TaskInfo<'pull'>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wharf-prefix-pull-'));
    [engine, mirror, forbidding, limiting] = await Promise.all([startPrivateEngine({ name: 'prefix-pull' }), startPrivateRegistry(), startRegistryStub('forbidden-allow-list'), startRegistryStub('rate-limited')]);
    await importBusybox(engine);
    // The mirror holds other registries' repositories under their names, as m.daocloud.io/ghcr.io/… does.
    for (const remote of ['ghcr.io/acme/tool:1', 'quay.io/acme/other:2']) {
      const pushed = await pushToRegistry(engine, mirror, 'busybox:latest', remote);
      await engine.cliOk(['image', 'rm', pushed]);
    }
    core = makeCoreIn({ dockerHost: engine.host, env: { XDG_CONFIG_HOME: path.join(dir, 'xdg') }, home: dir });
    await core.start();
  }, 180_000);

  afterAll(async () => {
    core?.stop();
    await Promise.all([engine?.destroy(), mirror?.destroy(), forbidding?.close(), limiting?.close()]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the saved prefix for ghcr.io applies: docker image ls shows ghcr.io/acme/tool:1 and no mirror name; the result says who served it', async () => {
    const saved = await call(core, 'registryMirrors.savePrefixes', { prefixes: [{ registry: 'ghcr.io', prefix: mirror.address }] });
    expect(saved.prefixes).toEqual([{ registry: 'ghcr.io', prefix: mirror.address }]);
    expect(JSON.parse(fs.readFileSync(saved.file, 'utf8'))).toEqual({ prefixes: [{ registry: 'ghcr.io', prefix: mirror.address }] });
    const done = await settled(await call(core, 'images.pull', { reference: 'ghcr.io/acme/tool:1' }));
    expect(done.state).toBe('succeeded');
    const pulled = `${mirror.address}/ghcr.io/acme/tool:1`;
    expect(done.result).toMatchObject({
      reference: 'ghcr.io/acme/tool:1',
      source: { kind: 'prefix', prefix: mirror.address, pulled },
      commands: [
        ['docker', 'pull', pulled],
        ['docker', 'tag', pulled, 'ghcr.io/acme/tool:1'],
        ['docker', 'rmi', pulled],
      ],
    });
    expect(await names()).toEqual(['busybox:latest', 'ghcr.io/acme/tool:1']);
    const id = (await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', 'ghcr.io/acme/tool:1'])).stdout.trim();
    expect(done.result?.id).toBe(id);
  }, 120_000);

  it('a mirror named in the call applies to a registry with no saved prefix; a mirror name the user had stays', async () => {
    await engine.cliOk(['tag', 'busybox:latest', `${mirror.address}/quay.io/acme/other:2`]);
    const done = await settled(await call(core, 'images.pull', { reference: 'quay.io/acme/other:2', mirror: mirror.address }));
    expect(done.state).toBe('succeeded');
    expect(await names()).toEqual([`${mirror.address}/quay.io/acme/other:2`, 'busybox:latest', 'ghcr.io/acme/tool:1', 'quay.io/acme/other:2'].sort());
  }, 120_000);

  it('a mirror that refuses with an allow-list (403) and one at its rate limit (429) are explained, and nothing is tagged', async () => {
    const before = await names();
    const forbidden = await settled(await call(core, 'images.pull', { reference: 'ghcr.io/acme/private:1', mirror: forbidding.address }));
    expect(forbidden.state).toBe('failed');
    expect(forbidden.error).toMatchObject({ code: 'permission-denied', details: { reason: 'mirror-forbidden', registry: 'ghcr.io', mirrors: [forbidding.address] } });
    expect(forbidden.error?.message).toContain('不在白名单');
    expect(forbidding.requests.some((r) => r.includes('/v2/ghcr.io/acme/private/manifests/1'))).toBe(true);
    const limited = await settled(await call(core, 'images.pull', { reference: 'ghcr.io/acme/tool:1', mirror: limiting.address }));
    expect(limited.error).toMatchObject({ code: 'failed', details: { reason: 'rate-limited', registry: 'ghcr.io', mirrors: [limiting.address] } });
    expect(await names()).toEqual(before);
  }, 120_000);

  it('bad prefixes are refused at their field, before anything is pulled or saved', async () => {
    expect(await core.invoke('images.pull', { reference: 'ghcr.io/acme/tool:1', mirror: 'https://m.daocloud.io' })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { field: 'mirror', problem: 'has-scheme' } } });
    const digest = `ghcr.io/acme/tool@sha256:${'a'.repeat(64)}`;
    expect(await core.invoke('images.pull', { reference: digest, mirror: mirror.address })).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { field: 'mirror', problem: 'digest' } } });
    expect(await core.invoke('registryMirrors.savePrefixes', { prefixes: [{ registry: 'ghcr.io', prefix: 'm.daocloud.io' }, { registry: 'ghcr.io', prefix: 'x.example.com' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: { problems: [{ index: 1, field: 'registry', problem: 'duplicate' }] } },
    });
    expect((await call(core, 'registryMirrors.prefixes', {})).prefixes).toEqual([{ registry: 'ghcr.io', prefix: mirror.address }]);
  });
});
