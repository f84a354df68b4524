/** Web mode entry: plain Node, never electron. Built to out/main/serve.js; `npm run serve` runs it. */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { version } from '../../../package.json';
import { systemClock } from '../core/clock';
import { createCore } from '../core/create-core';
import { createDockerodeClient } from '../core/engine/docker-client';
import { pickPrivilegeRunner } from '../core/privilege/pick-runner';
import { PKEXEC_PATH } from '../core/privilege/pkexec-runner';
import { runnerExecutor } from '../core/daemon-config/controller';
import { ArgsError, parseServeArgs, USAGE } from './args';
import { isLoopbackHost } from './auth';
import { daemonConfigOption } from './daemon-config-option';
import { startWebServer } from './server';

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ArgsError) {
      console.error(`wharf: ${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw e;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const token = args.token ?? process.env.WHARF_TOKEN ?? randomBytes(24).toString('base64url');
  // No polkit agent can answer a browser, and a click in a tab must not act as root: web mode shows the commands.
  const privilegeRunner = pickPrivilegeRunner({ uid: process.getuid?.(), mode: 'web', pkexecExists: existsSync(PKEXEC_PATH) });
  const core = createCore({
    app: { version, mode: 'web', platform: process.platform },
    dockerHost: args.dockerHost,
    env: process.env,
    paths: { home: homedir() },
    clock: systemClock,
    createDockerClient: createDockerodeClient,
    privilegeRunner,
    ...(args.daemonConfig ? { registries: daemonConfigOption(args.daemonConfig, runnerExecutor(privilegeRunner)) } : {}),
  });
  if (!isLoopbackHost(args.host)) {
    console.warn(`wharf: WARNING: binding ${args.host} makes Wharf reachable from other machines; anyone with the token controls your Docker engine.`);
  }
  const web = await startWebServer({ core, token, host: args.host, port: args.port, staticDir: join(__dirname, '../renderer') });
  void core.start().then(() => {
    const s = core.connection.status();
    console.log(`wharf: engine ${s.endpoint.host || '(unresolved)'} (${s.endpoint.source}): ${s.state}${s.detail ? ` — ${s.detail}` : ''}`);
  });
  console.log(`wharf: serving on ${web.url}`);
  console.log(`wharf: open ${web.url}?token=${encodeURIComponent(token)}`);
  const shutdown = (): void => {
    core.stop();
    void web.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') console.error(`wharf: the port is already in use (${err.message}); pick another with --port`);
  else console.error('wharf: failed to start:', e);
  process.exit(1);
});
