/**
 * Property-based fuzzing of every channel against a real engine: inputs with the contract's shape and a hostile
 * string in every string field. Every answer must be an envelope, nothing may escape as an uncaught exception, and
 * the engine's objects must be exactly what they were.
 *
 * CI runs a fixed seed; `npm run fuzz` runs many more cases with a random seed (WHARF_FUZZ_SEED / WHARF_FUZZ_RUNS
 * repeat or widen a run; a failure prints the seed and the shrunk input).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createDockerodeClient } from '../../src/main/core/engine/docker-client';
import { createManualRunner } from '../../src/main/core/privilege/privilege-runner';
import { CHANNELS, contract } from '../../src/shared/contract';
import { STREAM_NAMES, streams, type StreamServerMessage } from '../../src/shared/streams';
import { ERROR_CODES, isEnvelope } from '../../src/shared/errors';
import { harnessController } from '../support/registry-mirrors-core';
import { composeConfigDir } from '../support/compose-plugin';
import { engineObjects } from '../support/engine-objects';
import { startPrivateEngine, type PrivateEngine } from '../support/engine-harness';
import { importBusybox } from '../support/fixtures';
import { inputFor } from '../support/fuzz-input';

const seedText = process.env.WHARF_FUZZ_SEED ?? '20261202';
const SEED = seedText === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(seedText);
const RUNS = Number(process.env.WHARF_FUZZ_RUNS ?? 30);

describe(`every channel answers hostile input with an envelope (seed ${SEED}, ${RUNS} cases per channel)`, () => {
  let engine: PrivateEngine;
  let core: Core;
  let root: string;
  const uncaught: unknown[] = [];
  /** Handlers that threw a bug of their own (TypeError…) rather than answering with a code: dispatch logs those. */
  const bugs: string[] = [];
  const onUncaught = (error: unknown): void => {
    uncaught.push(error);
  };

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    root = mkdtempSync(join(tmpdir(), 'wharf-fuzz-'));
    engine = await startPrivateEngine({ name: 'fuzz' });
    // Web mode's core (no root actions run), pointed only at what this test owns: the private engine, its
    // daemon.json, a docker CLI config folder and a home of its own.
    core = createCore({
      app: { version: 'test', mode: 'web', platform: process.platform },
      dockerHost: engine.host,
      // Compose (the plugin) found, so hostile compose inputs reach compose itself.
      env: { PATH: process.env.PATH, DOCKER_CONFIG: composeConfigDir(join(root, 'docker-config')) },
      paths: { home: root },
      clock: systemClock,
      createDockerClient: createDockerodeClient,
      privilegeRunner: createManualRunner(),
      backoff: { initialMs: 200, maxMs: 1000 },
      registryMirrors: { configPath: engine.configPath, controller: harnessController(engine), verifyTimeoutMs: 5_000 },
      registryAccess: { dockerConfigDir: join(root, 'docker-config') },
      logger: { info: () => undefined, warn: () => undefined, error: (message, fields) => void bugs.push(`${message}: ${String((fields?.error as Error | undefined)?.stack)}`) },
    });
    await core.start();
    await importBusybox(engine);
    await engine.cliOk(['volume', 'create', 'fuzz-vol']);
    await engine.cliOk(['network', 'create', 'fuzz-net']);
    await engine.cliOk(['create', '--name', 'fuzz-ctr', 'busybox:latest', 'true']);
  }, 300_000);

  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    core?.stop();
    await engine?.destroy();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('0 crashes, every answer an envelope, the engine unchanged', async () => {
    const before = await engineObjects(engine);
    const daemonJsonBefore = (await engine.cli(['info', '--format', '{{json .RegistryConfig}}'])).stdout;
    let calls = 0;
    for (const [i, channel] of CHANNELS.entries()) {
      await fc.assert(
        fc.asyncProperty(inputFor(contract[channel].input, { pathRoot: root }), async (input) => {
          calls++;
          // A call that never answers is a failure too (the old redirect crash also left its call hanging).
          const answer = await Promise.race([core.invoke(channel, input), new Promise((resolve) => setTimeout(() => resolve('no answer within 20 s'), 20_000).unref())]);
          return isEnvelope(answer);
        }),
        { seed: SEED + i, numRuns: RUNS, endOnFailure: true },
      );
    }
    // Tasks the fuzz started (a pull of a bad name, a build of a missing folder) end with an error of their own.
    for (let wait = 0; wait < 100 && core.tasks.list().some((t) => t.state === 'running'); wait++) await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(CHANNELS.length * RUNS);
    expect(uncaught).toEqual([]);
    expect(bugs).toEqual([]);
    expect(await engineObjects(engine)).toBe(before);
    expect((await engine.cli(['info', '--format', '{{json .RegistryConfig}}'])).stdout).toBe(daemonJsonBefore);
  }, 120_000 + RUNS * CHANNELS.length * 100);

  it('streams (logs, exec, stats) end hostile opens with an error message; the engine unchanged', async () => {
    const before = await engineObjects(engine);
    const messages: StreamServerMessage[] = [];
    const hub = core.connectStreams({ send: (m) => void messages.push(m), congested: () => false });
    let n = 0;
    for (const [i, name] of STREAM_NAMES.entries()) {
      await fc.assert(
        fc.asyncProperty(inputFor(streams[name].input, { pathRoot: root }), fc.boolean(), async (generated, realContainer) => {
          // Half the time aim at a real (stopped) container, so the hostile command, user or sizes reach the engine.
          const input = realContainer && typeof generated === 'object' && generated !== null ? { ...generated, ...('ids' in generated ? { ids: ['fuzz-ctr'] } : { id: 'fuzz-ctr' }) } : generated;
          const sid = `fuzz-stream-${n++}`;
          hub.open(sid, name, input);
          const ended = (): StreamServerMessage | undefined => messages.find((m) => m.sid === sid && m.type === 'stream.end');
          for (let wait = 0; wait < 20 && !ended(); wait++) await new Promise((r) => setTimeout(r, 50));
          hub.close(sid);
          const end = ended();
          // Still open after a second (a stats stream of a real container) is fine; an end carries a code if it failed.
          return end === undefined || end.type !== 'stream.end' || end.error === undefined || (ERROR_CODES as readonly string[]).includes(end.error.code);
        }),
        { seed: SEED + 1000 + i, numRuns: RUNS, endOnFailure: true },
      );
    }
    hub.closeAll();
    expect(uncaught).toEqual([]);
    expect(await engineObjects(engine)).toBe(before);
  }, 120_000 + RUNS * STREAM_NAMES.length * 1_500);
});
