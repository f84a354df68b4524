/** The Run dialog's core side: the checks only the engine can answer, then create (and start) as planned. */
import { readFile } from 'node:fs/promises';
import { parseCpus, parseEnvFile } from '../../../shared/container-run-parse';
import { createBody, runArgv, runSpecProblems, type RunProblem, type RunSpec } from '../../../shared/container-run';
import type { RunPlan } from '../../../shared/container-list';
import type { EngineApi } from '../engine/engine-api';
import { WharfError, toErrorInfo } from '../errors';

/** Env-files larger than this are refused (it is a list of variables, not data). */
const MAX_ENV_FILE = 1024 * 1024;

interface Checked {
  problems: RunProblem[];
  fileEnv: string[];
}

async function readEnvFile(path: string, problems: RunProblem[]): Promise<string[]> {
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_ENV_FILE) {
      problems.push({ field: 'envFile', key: 'envFileTooBig', values: { value: path } });
      return [];
    }
    text = buffer.toString('utf8');
  } catch (error) {
    problems.push({ field: 'envFile', key: 'envFileUnreadable', values: { value: path, reason: toErrorInfo(error).message } });
    return [];
  }
  const parsed = parseEnvFile(text);
  if ('error' in parsed) {
    problems.push({ field: 'envFile', key: `envFile_${parsed.error}`, values: { value: path, line: String(parsed.line) } });
    return [];
  }
  return parsed.env;
}

async function engineProblems(engine: EngineApi, spec: RunSpec, problems: RunProblem[]): Promise<void> {
  const image = spec.image.trim();
  if (!problems.some((p) => p.field === 'image')) {
    try {
      await engine.inspectImage(image);
    } catch (error) {
      if (toErrorInfo(error).code !== 'not-found') throw error;
      problems.push({ field: 'image', key: 'imageMissing', values: { value: image } });
    }
  }
  if (spec.name !== '' && !problems.some((p) => p.field === 'name')) {
    const taken = await engine.listContainers({ all: true, filters: JSON.stringify({ name: [`^/${spec.name}$`] }) });
    if (taken.length > 0) problems.push({ field: 'name', key: 'nameTaken', values: { value: spec.name } });
  }
  if (spec.network !== '' && !problems.some((p) => p.field === 'network')) {
    const networks = await engine.listNetworks();
    if (!networks.some((n) => n.Name === spec.network || n.Id === spec.network))
      problems.push({ field: 'network', key: 'networkMissing', values: { value: spec.network } });
  }
  const nano = spec.cpus === '' ? null : parseCpus(spec.cpus);
  if (nano !== null && !problems.some((p) => p.field === 'cpus')) {
    const info = await engine.info();
    if (info.NCPU && nano > info.NCPU * 1e9) problems.push({ field: 'cpus', key: 'cpusMax', values: { value: spec.cpus, max: String(info.NCPU) } });
  }
}

async function check(engine: EngineApi, spec: RunSpec): Promise<Checked> {
  const problems = runSpecProblems(spec);
  const fileEnv = spec.envFile !== '' && !problems.some((p) => p.field === 'envFile') ? await readEnvFile(spec.envFile, problems) : [];
  await engineProblems(engine, spec, problems);
  return { problems, fileEnv };
}

export async function planRun(engine: EngineApi, spec: RunSpec): Promise<RunPlan> {
  const { problems } = await check(engine, spec);
  return { problems, argv: runArgv(spec) };
}

/** Creates (and starts unless create-only) the container; invalid specs are refused with every problem, nothing created. */
export async function runSpec(engine: EngineApi, spec: RunSpec): Promise<{ id: string }> {
  const { problems, fileEnv } = await check(engine, spec);
  if (problems.length > 0) {
    const missing = problems.find((p) => p.key === 'imageMissing');
    const message = missing
      ? `No such image: ${spec.image.trim()} (pull it first: docker pull ${spec.image.trim()})`
      : `invalid: ${problems.map((p) => p.field).join(', ')}`;
    throw new WharfError(missing && problems.length === 1 ? 'not-found' : 'invalid-input', message, { problems });
  }
  const container = await engine.createContainer(createBody(spec, fileEnv));
  if (spec.start) {
    try {
      await engine.containerAction(container.Id, 'start');
    } catch (error) {
      // Like `docker run`: the container stays (created) so its error can be looked at; it is named in the message.
      const info = toErrorInfo(error);
      throw new WharfError(info.code, `created ${container.Id.slice(0, 12)} but it did not start: ${info.message}`, { id: container.Id });
    }
  }
  return { id: container.Id };
}
