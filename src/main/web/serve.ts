/** Web mode entry: plain Node, never electron. Built to out/main/serve.js; `npm run serve` runs it. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { version } from '../../../package.json';
import { systemClock } from '../core/clock';
import { createCore } from '../core/create-core';
import { createDockerodeClient } from '../core/engine/docker-client';
import { stderrLogger } from '../core/log';
import { logDirectory, openLogFile } from '../core/log-file';
import { installProcessGuard } from '../process-guard';
import { pickPrivilegeRunner } from '../core/privilege/pick-runner';
import { PKEXEC_PATH } from '../core/privilege/pkexec-runner';
import { configFileOptions } from '../core/registry-mirrors/config-file-controller';
import { runnerExecutor } from '../core/registry-mirrors/controller';
import { ArgsError, parseServeArgs, USAGE } from './args';
import { decideBind } from './bind-policy';
import { startWebServer } from './server';
import { resolveToken, TokenSourceError } from './token-source';

function refuse(message: string): never {
  console.error(`wharf: ${message}`);
  process.exit(2);
}

function readTls(args: { tlsCert?: string; tlsKey?: string }): { cert: Buffer; key: Buffer } | undefined {
  if (args.tlsCert === undefined || args.tlsKey === undefined) return undefined;
  try {
    return { cert: readFileSync(args.tlsCert), key: readFileSync(args.tlsKey) };
  } catch (e) {
    return refuse(`cannot read the TLS certificate or key (${(e as Error).message})`);
  }
}

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
  // wharf.log, and the server's terminal too.
  const log = openLogFile(logDirectory(process.env, homedir()), stderrLogger);
  // Nothing a request does may end the server: what escapes a handler is logged and serving goes on.
  installProcessGuard(log);
  const bind = decideBind(args);
  if (!bind.ok) refuse(bind.message);
  let resolved;
  try {
    resolved = resolveToken(args, process.env, process.getuid?.() ?? -1);
  } catch (e) {
    if (e instanceof TokenSourceError) refuse(e.message);
    throw e;
  }
  for (const warning of resolved.warnings) console.warn(`wharf: ${warning}`);
  const tls = readTls(args);
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
    logger: log,
    ...(args.daemonConfig ? { registryMirrors: configFileOptions(args.daemonConfig, runnerExecutor(privilegeRunner)) } : {}),
  });
  if (bind.warning) console.warn(`wharf: ${bind.warning}`);
  const web = await startWebServer({
    core,
    token: resolved.token,
    host: args.host,
    port: args.port,
    staticDir: join(__dirname, '../renderer'),
    tls,
    loginTtlMs: args.loginTtlSeconds * 1000,
    headersTimeoutMs: args.headersTimeoutSeconds * 1000,
    log,
  });
  void core.start().then(() => {
    const s = core.connection.status();
    console.log(`wharf: engine ${s.endpoint.host || '(unresolved)'} (${s.endpoint.source}): ${s.state}${s.detail ? ` — ${s.detail}` : ''}`);
  });
  console.log(`wharf: serving on ${web.url}`);
  // A single-use ticket, never the token: the URL lands in shell scrollback and browser history.
  console.log(`wharf: open ${web.loginUrl()}  (works once, within ${args.loginTtlSeconds} s; run again for a new one)`);
  if (resolved.source === 'random') console.log('wharf: scripts: set WHARF_TOKEN or --token-file to call the API with Authorization: Bearer');
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
