import type { CheckStatus, FixId, SetupCheck, SetupVerdict } from '../../../shared/setup';
import type { ComposeTool } from '../../../shared/compose';
import { engineKindOf } from '../../../shared/engines';
import { enginePresent, type SetupFacts } from './verdict';

type Evidence = Record<string, string | number | boolean | undefined>;

/** Evidence as shown verbatim: strings only, unknown values left out. */
function evidence(values: Evidence): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') out[key] = String(value);
  return out;
}

function check(id: SetupCheck['id'], status: CheckStatus, values: Evidence, fix?: FixId): SetupCheck {
  return fix ? { id, status, evidence: evidence(values), fix } : { id, status, evidence: evidence(values) };
}

/** problem: no engine for a local endpoint; warning: half of Docker here (the CLI without an engine, or dockerd without the CLI). */
function installedStatus(f: SetupFacts, verdict: SetupVerdict): CheckStatus {
  const { cliPath, dockerdPath } = f.installation;
  if (verdict === 'not-installed') return 'problem';
  if (!cliPath && !dockerdPath) return enginePresent(f) ? 'ok' : 'info';
  if (f.localSocket && (!cliPath || !enginePresent(f))) return 'warning';
  return 'ok';
}

function installedCheck(f: SetupFacts, verdict: SetupVerdict): SetupCheck {
  const { cliPath, dockerdPath, packaging, package: pkg } = f.installation;
  const status = installedStatus(f, verdict);
  return check('installed', status, { cli: cliPath, dockerd: dockerdPath, packaging, package: pkg, searched: cliPath || dockerdPath ? undefined : f.searchedDirs.join(':') });
}

function serviceCheck(f: SetupFacts, verdict: SetupVerdict): SetupCheck {
  const s = f.service;
  const values = { manager: s.manager, unit: s.unit, active: s.active, enabled: s.enabled, dockerd: f.dockerdPids.length ? f.dockerdPids.join(' ') : 'none' };
  if (verdict === 'not-running') return check('service', 'problem', values, f.canStartService ? 'start-service' : undefined);
  // Running now but not enabled: it will not come back after a reboot.
  if (f.connect.result === 'ok') {
    // The engine answers, but the service is not what runs it (dockerd started by hand, another socket): saying
    // "the service is running" would contradict the evidence, so this is information.
    if (s.manager !== 'none' && s.active !== undefined && s.active !== 'active' && s.active !== 'unknown') return check('service', 'info', values);
    return check('service', s.manager === 'systemd' && s.enabled === 'disabled' ? 'warning' : 'ok', values);
  }
  if (!f.localSocket) return check('service', 'info', values);
  return check('service', s.active === 'active' || s.dockerdRunning ? 'ok' : 'info', values);
}

function socketCheck(f: SetupFacts): SetupCheck {
  const socket = f.localSocket ? f.sockets[0] : undefined;
  if (!socket) return check('socket', 'info', { host: f.endpoint.host });
  const values = { path: socket.path, owner: socket.owner, group: socket.group, mode: socket.mode, linkTarget: socket.linkTarget };
  return check('socket', socket.exists ? 'ok' : 'problem', values);
}

function connectCheck(f: SetupFacts): SetupCheck {
  const values = { endpoint: f.endpoint.host, result: f.connect.result, detail: f.connect.detail };
  return check('connect', f.connect.result === 'ok' ? 'ok' : 'problem', values);
}

/** The group checks only matter when the socket refused this user: otherwise they are information. */
function groupChecks(f: SetupFacts, verdict: SetupVerdict, identityName: string): SetupCheck[] {
  const g = f.dockerGroup;
  const denied = verdict === 'permission-denied';
  const fix: FixId | undefined = denied && f.localSocket ? 'add-user-to-group' : undefined;
  const exists = check('docker-group', g.exists ? 'ok' : denied ? 'problem' : 'info', { group: g.name, gid: g.gid }, g.exists ? undefined : fix);
  const listed = check('user-in-group', g.userListed ? 'ok' : denied ? 'problem' : 'info', { user: identityName, group: g.name, listed: g.userListed }, g.userListed ? undefined : fix);
  const sessionStatus: CheckStatus = g.sessionHas ? 'ok' : verdict === 'needs-relogin' ? 'problem' : 'info';
  const session = check('session-group', sessionStatus, { group: g.name, sessionGroups: f.sessionGroupNames.join(' ') });
  return [exists, listed, session];
}

function endpointCheck(f: SetupFacts, verdict: SetupVerdict): SetupCheck {
  const e = f.endpoint;
  return check('endpoint', verdict === 'unreachable' ? 'problem' : 'info', { host: e.host, source: e.source, context: e.contextName });
}

function rootlessCheck(f: SetupFacts): SetupCheck {
  const r = f.rootless;
  const inUse = f.endpoint.source === 'rootless' || (r.socketPath !== undefined && f.sockets[0]?.path === r.socketPath && f.localSocket);
  return check('rootless', inUse && f.connect.result === 'ok' ? 'ok' : 'info', { socket: r.socketPath, running: r.running, setupTool: r.toolAvailable });
}

/** A remote engine: what to check on that host; this machine's service, socket and groups are beside the point. */
function remoteCheck(f: SetupFacts): SetupCheck {
  return check('remote', f.connect.result === 'ok' ? 'ok' : 'problem', { host: f.endpoint.host });
}

/**
 * Compose v2 found: ok, naming it and where it is; none, or only v1 (Python, unsupported): a warning — the engine works,
 * the Compose page does not. About this machine even for a remote engine: compose runs here and talks to that engine.
 */
export function composeCheck(compose: ComposeTool): SetupCheck {
  switch (compose.kind) {
    case 'plugin':
      return check('compose', 'ok', { compose: `docker compose ${compose.version}`, plugin: compose.path });
    case 'standalone':
      return check('compose', 'ok', { compose: `docker-compose ${compose.version}`, path: compose.path });
    case 'v1':
      return check('compose', 'warning', { compose: `docker-compose ${compose.version}`, path: compose.path });
    case 'none':
      return check('compose', 'warning', {});
  }
}

/**
 * One check per CheckId, in the order the wizard lists them. For an engine on another host (ssh://, tcp://) only
 * what concerns it: the connection, the endpoint, and what to check over there — no fix of this machine's.
 */
export function buildChecks(f: SetupFacts, verdict: SetupVerdict): SetupCheck[] {
  if (engineKindOf(f.endpoint.host) !== 'local') return [connectCheck(f), endpointCheck(f, verdict), remoteCheck(f), composeCheck(f.compose)];
  return [installedCheck(f, verdict), serviceCheck(f, verdict), socketCheck(f), connectCheck(f), ...groupChecks(f, verdict, f.user.name), endpointCheck(f, verdict), rootlessCheck(f), composeCheck(f.compose)];
}
