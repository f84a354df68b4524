/**
 * The core as the desktop builds it when it runs as root (the direct privilege runner, which runs Wharf's root helper
 * itself), pointed at a private engine whose daemon.json it edits, with a controller that restarts that engine and
 * reads its log — never the machine's. A runner of the test's own (a stand-in pkexec) may replace the direct one.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/create-core';
import { pidFileReload, type DaemonController } from '../../src/main/core/registry-mirrors/controller';
import type { RegistryMirrorsOptions } from '../../src/main/core/registry-mirrors/registry-mirrors-service';
import { createDockerodeClient } from '../../src/main/core/engine/docker-client';
import { silentLogger, type Logger } from '../../src/main/core/log';
import { createDirectRunner, type PrivilegeRunner } from '../../src/main/core/privilege/privilege-runner';
import type { PrivateEngine } from './engine-harness';

/**
 * Reload = SIGHUP to the private dockerd (the root helper does its own: this one serves own-file applies); restart =
 * the harness's stop + start (a hand-started dockerd has no service to restart it); logs = its log file's tail.
 */
export function harnessController(engine: PrivateEngine): DaemonController {
  const restart = (): Promise<void> => engine.restart();
  return {
    describe: (action) => (action === 'reload' ? [pidFileReload(path.join(engine.dir, 'docker.pid'), 0, ['/usr/bin'])] : []),
    reload: async () => {
      const pid = engine.pid;
      if (pid === undefined) throw new Error('the private dockerd is not running');
      process.kill(pid, 'SIGHUP');
    },
    restart,
    logs: async (sinceMs) => {
      // dockerd's lines start with time="…"; its fatal configuration error is a plain line printed before it exits.
      const lines = (await engine.logs()).split('\n').filter((line) => line !== '');
      const first = lines.findIndex((line) => Date.parse(/^time="([^"]+)"/.exec(line)?.[1] ?? '') >= sinceMs);
      return first < 0 ? [] : lines.slice(first);
    },
  };
}

/** `logger`: where the core's log lines go (a recording one, for tests that check the trail). */
export function makeRegistryMirrorsCore(engine: PrivateEngine, options: Partial<RegistryMirrorsOptions> = {}, runner: PrivilegeRunner = createDirectRunner(), logger: Logger = silentLogger): Core {
  return createCore({
    app: { version: 'test', mode: 'desktop', platform: process.platform },
    dockerHost: engine.host,
    env: { PATH: process.env.PATH },
    paths: { home: homedir() },
    clock: systemClock,
    createDockerClient: createDockerodeClient,
    privilegeRunner: runner,
    logger,
    backoff: { initialMs: 200, maxMs: 1000 },
    registryMirrors: { configPath: engine.configPath, controller: harnessController(engine), verifyTimeoutMs: 15_000, ...options },
  });
}
