/** The core pointed at a private engine, with its own docker CLI config folder (never the user's ~/.docker). */
import { homedir } from 'node:os';
import { systemClock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createDockerodeClient } from '../../src/main/core/engine/docker-client';
import { createManualRunner } from '../../src/main/core/privilege/privilege-runner';
import type { RegistryAccessOptions } from '../../src/main/core/registry-access/registry-access-service';

export function makeRegistryAccessCore(dockerHost: string, registryAccess: RegistryAccessOptions, env: Record<string, string | undefined> = {}): Core {
  return createCore({
    app: { version: 'test', mode: 'web', platform: process.platform },
    dockerHost,
    env: { PATH: process.env.PATH, ...env },
    paths: { home: homedir() },
    clock: systemClock,
    createDockerClient: createDockerodeClient,
    privilegeRunner: createManualRunner(),
    backoff: { initialMs: 200, maxMs: 1000 },
    registryAccess,
  });
}
