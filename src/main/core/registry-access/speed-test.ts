/**
 * The mirror speed test: GET /v2/ (latency), the token flow on 401, HEAD of an image's manifest, and a capped
 * download of its smallest layer (throughput). Each mirror ends with one outcome; the list comes back ranked.
 */
import { DEFAULT_NON_OFFICIAL_IMAGE, rankMirrors, type MirrorSpeed, type SpeedStep, type SpeedTestResult } from '../../../shared/registry-access';
import type { ItemResult } from '../../../shared/tasks';
import type { TaskContext } from '../tasks/task-manager';
import { NetError, header, httpRequest, type HttpResult } from './registry-http';
import { MANIFEST_ACCEPT, classifyNetworkError, classifyStatus, parseWwwAuthenticate, splitImage } from './registry-parse';
import { RegistrySession, TokenError } from './registry-session';

export interface SpeedLimits {
  pingMs: number;
  stepMs: number;
  blobMaxBytes: number;
  blobMaxMs: number;
}

export const DEFAULT_SPEED_LIMITS: SpeedLimits = { pingMs: 5_000, stepMs: 8_000, blobMaxBytes: 4 * 1024 * 1024, blobMaxMs: 8_000 };

type Row = Omit<MirrorSpeed, 'rank'>;

class StepFailure extends Error {
  constructor(
    readonly step: SpeedStep,
    readonly status: number | undefined,
    readonly outcome: MirrorSpeed['outcome'],
    message: string,
  ) {
    super(message);
  }
}

function failure(step: SpeedStep, error: unknown): StepFailure {
  if (error instanceof StepFailure) return error;
  if (error instanceof TokenError) return new StepFailure('token', error.status || undefined, classifyStatus(error.status) ?? 'other', error.message);
  if (error instanceof NetError) return new StepFailure(step, undefined, classifyNetworkError(error.code, error.message), `${error.code}: ${error.message}`);
  throw error; // cancellation and bugs end the task
}

function check(step: SpeedStep, result: HttpResult): void {
  const outcome = classifyStatus(result.status);
  if (outcome) throw new StepFailure(step, result.status, outcome, `${step === 'ping' ? 'GET /v2/' : step} answered HTTP ${result.status}`);
}

interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  platform?: { os?: string; architecture?: string };
}

const GO_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', s390x: 's390x', ppc64: 'ppc64le' };

/** The smallest layer of the image (for this machine's platform when the manifest is a list), else its config. */
async function pickBlob(session: RegistrySession, name: string, reference: string): Promise<Descriptor> {
  const get = async (ref: string): Promise<{ manifests?: Descriptor[]; layers?: Descriptor[]; config?: Descriptor }> => {
    const result = await session.request(`/v2/${name}/manifests/${ref}`, { headers: { Accept: MANIFEST_ACCEPT }, scope: `repository:${name}:pull` });
    check('manifest', result);
    return JSON.parse(result.body.toString('utf8')) as { manifests?: Descriptor[]; layers?: Descriptor[]; config?: Descriptor };
  };
  let manifest = await get(reference);
  if (manifest.manifests?.length) {
    const arch = GO_ARCH[process.arch] ?? process.arch;
    const chosen = manifest.manifests.find((m) => m.platform?.os === 'linux' && m.platform.architecture === arch) ?? manifest.manifests[0];
    if (chosen) manifest = await get(chosen.digest);
  }
  const layers = [...(manifest.layers ?? [])].sort((a, b) => a.size - b.size);
  const blob = layers[0] ?? manifest.config;
  if (!blob) throw new StepFailure('manifest', undefined, 'other', 'the manifest names no blobs');
  return blob;
}

/** One mirror, one image: ping, token, manifest and (unless `manifestOnly`) a capped blob download. */
export async function testMirror(url: string, image: string, limits: SpeedLimits, signal: AbortSignal, manifestOnly = false): Promise<Row> {
  const base = url.trim().replace(/\/+$/, '');
  const row: Row = { url, outcome: 'ok', tokenFlow: false };
  const { name, reference } = splitImage(image);
  const session = new RegistrySession({ key: base, host: new URL(base).host, schemes: [] }, undefined, { timeoutMs: limits.stepMs, signal });
  session.useBase(base);
  try {
    const pingStart = performance.now();
    let ping: HttpResult;
    try {
      ping = await httpRequest(`${base}/v2/`, { timeoutMs: limits.pingMs, signal });
    } catch (error) {
      throw failure('ping', error);
    }
    row.latencyMs = Math.round(performance.now() - pingStart);
    row.status = ping.status;
    if (ping.status === 401) {
      const challenges = parseWwwAuthenticate(header(ping, 'www-authenticate') ?? '');
      if (!challenges.some((c) => c.scheme === 'bearer')) throw new StepFailure('ping', 401, 'unauthorized', 'the registry wants a login (no anonymous token flow)');
    } else {
      check('ping', ping);
    }
    const manifestStart = performance.now();
    try {
      const head = await session.request(`/v2/${name}/manifests/${reference}`, { method: 'HEAD', headers: { Accept: MANIFEST_ACCEPT }, scope: `repository:${name}:pull` });
      row.tokenFlow = session.tokenFlow;
      check('manifest', head);
      row.manifestMs = Math.round(performance.now() - manifestStart);
    } catch (error) {
      row.tokenFlow = session.tokenFlow;
      throw failure('manifest', error);
    }
    if (manifestOnly) return row;
    let blob: Descriptor;
    try {
      blob = await pickBlob(session, name, reference);
    } catch (error) {
      throw failure('manifest', error);
    }
    try {
      const sample = await session.request(`/v2/${name}/blobs/${blob.digest}`, { scope: `repository:${name}:pull`, sample: { maxBytes: limits.blobMaxBytes, maxMs: limits.blobMaxMs } });
      check('blob', sample);
      const { bytes, ms } = sample.sampled ?? { bytes: 0, ms: 1 };
      row.blob = { digest: blob.digest, bytes, ms: Math.round(ms), bytesPerSecond: Math.round((bytes * 1000) / ms) };
    } catch (error) {
      throw failure('blob', error);
    }
    return row;
  } catch (error) {
    const f = failure('ping', error);
    return { ...row, outcome: f.outcome, failedStep: f.step, status: f.status, message: f.message };
  }
}

/**
 * The task body: mirrors one after the other (parallel downloads would skew the throughput), then ranked. Each
 * mirror is also asked for a non-official image's manifest: a mirror that serves the official image and refuses
 * that one (403) serves an allow-list, as docker.m.daocloud.io does.
 */
export async function runSpeedTest(ctx: TaskContext, mirrors: string[], image: string, limits: SpeedLimits, nonOfficialImage: string = DEFAULT_NON_OFFICIAL_IMAGE): Promise<SpeedTestResult> {
  const items: ItemResult[] = mirrors.map((target) => ({ target, state: 'pending' }));
  ctx.detail({ kind: 'items', items: [...items] });
  const rows: Row[] = [];
  for (const [index, url] of mirrors.entries()) {
    ctx.progress(index / mirrors.length, { key: 'registry-speed-test', values: { url } });
    const official = await testMirror(url, image, limits, ctx.signal);
    const other = await testMirror(url, nonOfficialImage, limits, ctx.signal, true);
    const row: Row = {
      ...official,
      nonOfficial: { image: nonOfficialImage, outcome: other.outcome, ...(other.status !== undefined ? { status: other.status } : {}) },
      allowList: official.outcome === 'ok' && other.outcome === 'forbidden',
    };
    rows.push(row);
    items[index] = { target: url, state: row.outcome === 'ok' ? 'done' : 'failed', reason: row.outcome, ...(row.message ? { message: row.message } : {}) };
    ctx.detail({ kind: 'items', items: [...items] });
  }
  ctx.progress(1);
  return { image, nonOfficialImage, mirrors: rankMirrors(rows) };
}
