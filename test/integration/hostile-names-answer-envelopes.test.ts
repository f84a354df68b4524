/**
 * One typed name used to end the whole process: `a//b` reached /images/a//b/json, the engine answered 301, and the
 * HTTP client following it threw inside a callback. Every name now meets its grammar before any URL is built, each
 * path segment is encoded, and the engine client never follows a redirect. Checked against a real engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/create-core';
import { createDockerodeClient } from '../../src/main/core/engine/docker-client';
import type { Envelope } from '../../src/shared/errors';
import type { RunPlan } from '../../src/shared/container-list';
import { EMPTY_RUN_SPEC } from '../../src/shared/container-run';
import { engineObjects } from '../support/engine-objects';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox } from '../support/fixtures';
import { call, makeCore } from './make-core';

/** The names from the report, and the shapes of the same class. */
const HOSTILE = [
  'a//b',
  'http://busybox',
  'busybox/../../containers/json',
  './busybox',
  'a/./b',
  'a/%2e%2e/b',
  '%2e%2e',
  '..',
  'busybox?all=1',
  'busybox#frag',
  'a\\b',
  'busy\u0000box',
  'ｂｕｓｙｂｏｘ',
  `${'a'.repeat(300)}/b`,
  'HTTP://Busybox:latest',
  '//etc/passwd',
];

describe('hostile names answer an envelope; nothing reaches the engine unchecked', () => {
  let engine: PrivateEngine;
  let core: Core;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown): void => {
    uncaught.push(error);
  };

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    engine = await startPrivateEngine({ name: 'hostile' });
    core = makeCore(engine.host);
    await core.start();
    await importBusybox(engine);
    await engine.cliOk(['tag', 'busybox:latest', 'localhost:5000/team/app:v1.0']);
    await engine.cliOk(['volume', 'create', 'hostile-vol']);
    await engine.cliOk(['network', 'create', 'hostile-net']);
    await engine.cliOk(['create', '--name', 'hostile-ctr', 'busybox:latest', 'true']);
  }, 300_000);

  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    core?.stop();
    await engine?.destroy();
  });

  it('images.inspect, removePlan and tag refuse each hostile name as invalid-input naming the problem', async () => {
    const before = await engineObjects(engine);
    for (const name of HOSTILE) {
      const answers: Array<[string, Envelope<unknown>]> = [
        ['images.inspect', await core.invoke('images.inspect', { image: name })],
        ['images.removePlan', await core.invoke('images.removePlan', { target: { refs: [name] } })],
        ['images.tag', await core.invoke('images.tag', { source: name, target: 'hostile/ok:1' })],
        ['containers.inspect', await core.invoke('containers.inspect', { id: name })],
        ['volumes.remove', await core.invoke('volumes.remove', { names: [name] })],
        ['networks.connect', await core.invoke('networks.connect', { network: name, container: 'hostile-ctr' })],
      ];
      for (const [channel, answer] of answers) {
        // Refused before a handler (the contract) or by the engine layer's grammar: never a crash, never another code.
        expect(answer.ok, `${channel}(${JSON.stringify(name)})`).toBe(false);
        if (!answer.ok) expect(answer.error.code, `${channel}(${JSON.stringify(name)}): ${answer.error.message}`).toBe('invalid-input');
      }
    }
    expect(uncaught).toEqual([]);
    expect(await engineObjects(engine)).toBe(before);
  });

  it('images.inspect says which grammar the name broke (details for the translated message)', async () => {
    const answer = await core.invoke('images.inspect', { image: 'a//b' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { kind: 'image', problem: 'invalid-format' } } });
    const upper = await core.invoke('images.inspect', { image: 'Busybox' });
    expect(upper).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { kind: 'image', problem: 'uppercase' } } });
  });

  it('the Run dialog explains `http://busybox` at the image field and creates nothing', async () => {
    const before = await engineObjects(engine);
    const plan = await call(core, 'containers.runPlan', { spec: { ...EMPTY_RUN_SPEC, image: 'http://busybox' } });
    expect((plan as RunPlan).problems).toContainEqual(expect.objectContaining({ field: 'image', key: 'image_invalid-format' }));
    const run = await core.invoke('containers.run', { spec: { ...EMPTY_RUN_SPEC, image: 'a//b' } });
    expect(run).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await engineObjects(engine)).toBe(before);
    expect(uncaught).toEqual([]);
  });

  it('valid names with characters that need encoding still work (registry port, tag, digest-free refs)', async () => {
    const details = await call(core, 'images.inspect', { image: 'localhost:5000/team/app:v1.0' });
    const { stdout } = await engine.cliOk(['image', 'inspect', '--format', '{{.Id}}', 'localhost:5000/team/app:v1.0']);
    expect(details.inspect).toMatchObject({ Id: stdout.trim() });
    const tagged = await call(core, 'images.tag', { source: 'localhost:5000/team/app:v1.0', target: 'localhost:5000/team/app:v1.1' });
    expect(tagged.target).toBe('localhost:5000/team/app:v1.1');
    const { stdout: ids } = await engine.cliOk(['image', 'ls', '-q', '--no-trunc', 'localhost:5000/team/app:v1.1']);
    expect(ids.trim()).toBe(stdout.trim());
    const ctr = await call(core, 'containers.inspect', { id: 'hostile-ctr' });
    expect(ctr.name).toBe('hostile-ctr');
  });

  it('the engine client never follows a redirect: a raw unclean path fails with the 301, no throw', async () => {
    const docker = createDockerodeClient({ host: engine.host, source: 'flag' });
    const outcome = await new Promise<{ error: (Error & { statusCode?: number }) | null }>((resolve) => {
      docker.modem.dial({ path: '/images/a//b/json', method: 'GET', statusCodes: { 200: true, 404: 'no such image' } }, (error) => resolve({ error: error as (Error & { statusCode?: number }) | null }));
    });
    expect(outcome.error?.statusCode).toBe(301);
    // Give a stray callback (the old follow-redirects path) a turn to throw.
    await new Promise((r) => setTimeout(r, 200));
    expect(uncaught).toEqual([]);
  });
});
