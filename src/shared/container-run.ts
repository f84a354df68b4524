/**
 * The Run dialog's `docker run`: the form's spec, its validation field by field, the Engine API create body and
 * the equivalent CLI argv. The renderer and the core use the same functions, so both explain the same problems.
 */
import { CONTAINER_NAME, MIN_MEMORY, VOLUME_NAME, isIpLiteral, parseCpus, parseMemory, portNumber, splitCommand } from './container-run-parse';
import { checkEngineName } from './engine-names';

export type PortProtocol = 'tcp' | 'udp' | 'sctp';
export type RestartPolicyName = 'no' | 'always' | 'unless-stopped' | 'on-failure';

/** `-p [hostIp:][hostPort:]containerPort/protocol`; a blank host port is a random one. */
export interface PortSpec {
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: PortProtocol;
}

/** `-v source:target[:ro]`: source an absolute host path (bind mount), a volume name, or blank (anonymous volume). */
export interface MountSpec {
  source: string;
  target: string;
  readOnly: boolean;
}

export interface RunSpec {
  image: string;
  name: string;
  /** The command as typed; split into words like a shell would (quotes honoured, nothing expanded). */
  command: string;
  /** `--entrypoint`: one executable, not split (as the CLI takes it). */
  entrypoint: string;
  ports: PortSpec[];
  volumes: MountSpec[];
  /** `-e KEY=VALUE`, one per entry. */
  env: string[];
  /** `--env-file PATH`: a file on the machine running Wharf, read by the core. */
  envFile: string;
  restart: RestartPolicyName;
  /** on-failure only: the retry count (blank: unlimited). */
  restartRetries: string;
  /** `--network NAME`; blank: the default bridge. */
  network: string;
  /** `-l KEY=VALUE` (a bare KEY is an empty value). */
  labels: string[];
  /** `--rm`. */
  autoRemove: boolean;
  /** `-m`, e.g. 256m; blank: no limit. */
  memory: string;
  /** `--cpus`, e.g. 1.5; blank: no limit. */
  cpus: string;
  /** true: `docker run -d` (create and start); false: `docker create`. */
  start: boolean;
}

/** One invalid entry: the field's path (e.g. "ports.1.hostPort"), an i18n key under containers.problem, its values. */
export interface RunProblem {
  field: string;
  key: string;
  values?: Record<string, string>;
}

export const EMPTY_RUN_SPEC: RunSpec = {
  image: '',
  name: '',
  command: '',
  entrypoint: '',
  ports: [],
  volumes: [],
  env: [],
  envFile: '',
  restart: 'no',
  restartRetries: '',
  network: '',
  labels: [],
  autoRemove: false,
  memory: '',
  cpus: '',
  start: true,
};

const ENV_NAME = /^[^=\s]+$/;

function portProblems(spec: RunSpec, out: RunProblem[]): void {
  const bound = new Set<string>();
  spec.ports.forEach((p, i) => {
    const at = `ports.${i}`;
    if (p.hostIp !== '' && !isIpLiteral(p.hostIp)) out.push({ field: `${at}.hostIp`, key: 'hostIp', values: { value: p.hostIp } });
    if (p.hostPort !== '' && portNumber(p.hostPort) === null) out.push({ field: `${at}.hostPort`, key: 'port', values: { value: p.hostPort } });
    if (portNumber(p.containerPort) === null) out.push({ field: `${at}.containerPort`, key: p.containerPort === '' ? 'required' : 'port', values: { value: p.containerPort } });
    if (p.hostPort !== '') {
      const key = `${p.hostIp}|${p.hostPort}|${p.protocol}`;
      if (bound.has(key)) out.push({ field: `${at}.hostPort`, key: 'portTwice', values: { value: p.hostPort } });
      bound.add(key);
    }
  });
}

function mountProblems(spec: RunSpec, out: RunProblem[]): void {
  const targets = new Set<string>();
  spec.volumes.forEach((v, i) => {
    const at = `volumes.${i}`;
    if (v.source !== '' && !v.source.startsWith('/') && !VOLUME_NAME.test(v.source)) out.push({ field: `${at}.source`, key: 'volumeSource', values: { value: v.source } });
    else if (/[:,]/.test(v.source)) out.push({ field: `${at}.source`, key: 'colon', values: { value: v.source } });
    if (!v.target.startsWith('/') || v.target === '/') out.push({ field: `${at}.target`, key: v.target === '' ? 'required' : 'mountTarget', values: { value: v.target } });
    else if (/[:,]/.test(v.target)) out.push({ field: `${at}.target`, key: 'colon', values: { value: v.target } });
    else if (targets.has(v.target.replace(/\/+$/, ''))) out.push({ field: `${at}.target`, key: 'mountTwice', values: { value: v.target } });
    targets.add(v.target.replace(/\/+$/, ''));
  });
}

function listProblems(spec: RunSpec, out: RunProblem[]): void {
  spec.env.forEach((e, i) => {
    const eq = e.indexOf('=');
    if (eq < 0) out.push({ field: `env.${i}`, key: 'envNoValue', values: { value: e } });
    else if (!ENV_NAME.test(e.slice(0, eq))) out.push({ field: `env.${i}`, key: 'envName', values: { value: e } });
  });
  spec.labels.forEach((l, i) => {
    const key = l.split('=')[0] ?? '';
    if (key === '' || /\s/.test(key)) out.push({ field: `labels.${i}`, key: 'labelKey', values: { value: l } });
  });
}

/** Everything wrong with the spec that can be told without the engine; empty when it can be created. */
export function runSpecProblems(spec: RunSpec): RunProblem[] {
  const out: RunProblem[] = [];
  if (spec.image.trim() === '') out.push({ field: 'image', key: 'required' });
  else if (/\s/.test(spec.image.trim())) out.push({ field: 'image', key: 'imageSpace', values: { value: spec.image } });
  else {
    // `docker run` reads the image with the reference grammar (or takes an ID); `http://busybox` and `a//b` are not one.
    const check = checkEngineName('image', spec.image.trim());
    if (!check.ok) out.push({ field: 'image', key: `image_${check.problem}`, values: { value: spec.image.trim() } });
  }
  if (spec.name !== '' && !CONTAINER_NAME.test(spec.name)) out.push({ field: 'name', key: 'name', values: { value: spec.name } });
  if ('error' in splitCommand(spec.command)) out.push({ field: 'command', key: 'unclosedQuote' });
  portProblems(spec, out);
  mountProblems(spec, out);
  listProblems(spec, out);
  if (spec.envFile !== '' && !spec.envFile.startsWith('/')) out.push({ field: 'envFile', key: 'absolutePath', values: { value: spec.envFile } });
  if (spec.restart === 'on-failure' && spec.restartRetries !== '' && !/^\d{1,6}$/.test(spec.restartRetries))
    out.push({ field: 'restartRetries', key: 'retries', values: { value: spec.restartRetries } });
  if (spec.autoRemove && spec.restart !== 'no') out.push({ field: 'restart', key: 'restartWithRm' });
  if (spec.network !== '' && /\s/.test(spec.network)) out.push({ field: 'network', key: 'network', values: { value: spec.network } });
  if (spec.memory !== '') {
    const bytes = parseMemory(spec.memory);
    if (bytes === null) out.push({ field: 'memory', key: 'memory', values: { value: spec.memory } });
    else if (bytes < MIN_MEMORY) out.push({ field: 'memory', key: 'memoryMin', values: { value: spec.memory } });
  }
  if (spec.cpus !== '') {
    const nano = parseCpus(spec.cpus);
    if (nano === null) out.push({ field: 'cpus', key: 'cpus', values: { value: spec.cpus } });
    else if (nano < 1e7) out.push({ field: 'cpus', key: 'cpusMin', values: { value: spec.cpus } });
  }
  return out;
}

function commandWords(spec: RunSpec): string[] {
  const split = splitCommand(spec.command);
  return 'words' in split ? split.words : [];
}

function portKey(p: PortSpec): string {
  return `${Number(p.containerPort)}/${p.protocol}`;
}

function restartValue(spec: RunSpec): string {
  return spec.restart === 'on-failure' && spec.restartRetries !== '' ? `on-failure:${Number(spec.restartRetries)}` : spec.restart;
}

function bindText(v: MountSpec): string {
  return `${v.source}:${v.target}${v.readOnly ? ':ro' : ''}`;
}

/** POST /containers/create's body, as the CLI builds it from the argv of runArgv; fileEnv: the env file's lines. */
export function createBody(spec: RunSpec, fileEnv: readonly string[] = []): Record<string, unknown> {
  const cmd = commandWords(spec);
  const env = [...fileEnv, ...spec.env];
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const p of spec.ports) {
    exposed[portKey(p)] = {};
    (bindings[portKey(p)] ??= []).push({ HostIp: p.hostIp, HostPort: p.hostPort === '' ? '' : String(Number(p.hostPort)) });
  }
  const anonymous = spec.volumes.filter((v) => v.source === '');
  const binds = spec.volumes.filter((v) => v.source !== '').map(bindText);
  const labels = Object.fromEntries(spec.labels.map((l) => [l.split('=')[0] as string, l.includes('=') ? l.slice(l.indexOf('=') + 1) : '']));
  const body: Record<string, unknown> = {
    Image: spec.image.trim(),
    ...(cmd.length > 0 ? { Cmd: cmd } : {}),
    ...(spec.entrypoint !== '' ? { Entrypoint: [spec.entrypoint] } : {}),
    ...(env.length > 0 ? { Env: env } : {}),
    ...(spec.ports.length > 0 ? { ExposedPorts: exposed } : {}),
    ...(anonymous.length > 0 ? { Volumes: Object.fromEntries(anonymous.map((v) => [v.target, {}])) } : {}),
    ...(spec.labels.length > 0 ? { Labels: labels } : {}),
    HostConfig: {
      PortBindings: bindings,
      ...(binds.length > 0 ? { Binds: binds } : {}),
      RestartPolicy: { Name: spec.restart, MaximumRetryCount: spec.restart === 'on-failure' ? Number(spec.restartRetries || '0') : 0 },
      AutoRemove: spec.autoRemove,
      ...(spec.memory !== '' ? { Memory: parseMemory(spec.memory) ?? 0 } : {}),
      ...(spec.cpus !== '' ? { NanoCpus: parseCpus(spec.cpus) ?? 0 } : {}),
      NetworkMode: spec.network === '' ? 'default' : spec.network,
    },
    ...(spec.network !== '' ? { NetworkingConfig: { EndpointsConfig: { [spec.network]: {} } } } : {}),
  };
  if (spec.name !== '') body.name = spec.name;
  return body;
}

function portText(p: PortSpec): string {
  const ip = p.hostIp === '' ? '' : p.hostIp.includes(':') ? `[${p.hostIp}]:` : `${p.hostIp}:`;
  const host = p.hostPort === '' ? (ip === '' ? '' : ':') : `${p.hostPort}:`;
  return `${ip}${host}${p.containerPort}/${p.protocol}`;
}

/** The equivalent `docker run -d …` (or `docker create …`) as argv; copy it through shellQuote. */
export function runArgv(spec: RunSpec): string[] {
  const argv = ['docker', spec.start ? 'run' : 'create'];
  if (spec.start) argv.push('-d');
  if (spec.name !== '') argv.push('--name', spec.name);
  for (const p of spec.ports) argv.push('-p', portText(p));
  for (const v of spec.volumes) argv.push('-v', v.source === '' ? v.target : bindText(v));
  if (spec.envFile !== '') argv.push('--env-file', spec.envFile);
  for (const e of spec.env) argv.push('-e', e);
  if (spec.restart !== 'no') argv.push('--restart', restartValue(spec));
  if (spec.network !== '') argv.push('--network', spec.network);
  for (const l of spec.labels) argv.push('-l', l);
  if (spec.autoRemove) argv.push('--rm');
  if (spec.memory !== '') argv.push('-m', spec.memory);
  if (spec.cpus !== '') argv.push('--cpus', spec.cpus);
  if (spec.entrypoint !== '') argv.push('--entrypoint', spec.entrypoint);
  argv.push(spec.image.trim() || 'IMAGE', ...commandWords(spec));
  return argv;
}
