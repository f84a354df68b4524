/**
 * Reads the engine's pull/push progress stream (jsonmessage lines, as `docker pull` draws them) into
 * per-layer rows and one overall fraction that never goes back. Pure, unit-tested line by line.
 */
import type { LayerProgress } from '../../../shared/tasks';
import { messageError, type EngineMessage } from './build-stream';

type Phase = LayerProgress['phase'];

/** The engine's per-layer statuses (distribution/xfer, docker 20.10+) and the row phase each means. */
const PHASES: Array<[RegExp, Phase]> = [
  [/^Waiting$/, 'waiting'],
  [/^Pulling fs layer$/, 'waiting'],
  [/^Downloading$/, 'downloading'],
  [/^Verifying Checksum$/, 'verifying'],
  [/^Download complete$/, 'download-complete'],
  [/^Extracting$/, 'extracting'],
  [/^Pull complete$/, 'done'],
  [/^Already exists$/, 'exists'],
  [/^Preparing$/, 'preparing'],
  [/^Pushing$/, 'pushing'],
  [/^Pushed$/, 'pushed'],
  [/^Layer already exists$/, 'exists'],
  [/^Mounted from /, 'mounted'],
  [/^Retrying in /, 'retrying'],
];

/** Where a phase puts its layer on the way to done (download is most of a pull, extraction the rest). */
const DOWNLOAD_SHARE = 0.7;
const FINISHED: ReadonlySet<Phase> = new Set(['done', 'exists', 'pushed', 'mounted']);
/**
 * Phases the engine reports while it lists the layers, before any moves. The fraction stays unknown until
 * a layer moves: by then every layer is listed, so a late one cannot pull the average back (the first
 * "Already exists" alone would otherwise read as 100%).
 */
const LISTING: ReadonlySet<Phase> = new Set(['waiting', 'preparing', 'exists']);
/** Layers that need no transfer (already on the engine, or already in / mounted within the registry). */
const SKIPPED: ReadonlySet<Phase> = new Set(['exists', 'mounted']);

export function phaseOf(status: string): Phase | undefined {
  return PHASES.find(([pattern]) => pattern.test(status))?.[1];
}

/** A layer not finished stays below this, even when its bytes are all there (the last "Extracting" shows x/x). */
const UNFINISHED_MAX = 0.99;

/** A layer's own progress 0..1 for its phase and bytes: 1 only once it is finished. */
function layerFraction(layer: LayerProgress): number {
  if (FINISHED.has(layer.phase)) return 1;
  const bytes = layer.total && layer.total > 0 && layer.current !== undefined ? Math.min(1, layer.current / layer.total) : 0;
  switch (layer.phase) {
    case 'downloading':
      return DOWNLOAD_SHARE * bytes;
    case 'verifying':
    case 'download-complete':
      return DOWNLOAD_SHARE;
    case 'extracting':
      return Math.min(UNFINISHED_MAX, DOWNLOAD_SHARE + (1 - DOWNLOAD_SHARE) * bytes);
    case 'pushing':
      return Math.min(UNFINISHED_MAX, bytes);
    default:
      return 0;
  }
}

export interface TransferProgress {
  /** Takes one message; answers true when the rows or the fraction changed. */
  read(message: EngineMessage): boolean;
  layers(): LayerProgress[];
  /** 0..1 over all layers; null while the engine is still listing them. Never decreases. */
  fraction(): number | null;
  /** The first error line (the engine reports failures inside its 200 answer). */
  error(): string | undefined;
  /** The manifest digest the registry answered ("Digest: sha256:…" on pull, aux.Digest on push). */
  digest(): string | undefined;
  /** True once the engine said the image was already up to date (pull). */
  upToDate(): boolean;
}

const DIGEST_LINE = /(?:^Digest: |: digest: )(sha256:[0-9a-f]{64})/;

export function createTransferProgress(): TransferProgress {
  const rows = new Map<string, LayerProgress>();
  /** Each layer's best fraction so far: a retry restarts its bytes, not the bar. */
  const best = new Map<string, number>();
  let overall: number | null = null;
  let error: string | undefined;
  let digest: string | undefined;
  let upToDate = false;
  let moving = false;

  const recompute = (): void => {
    if (!moving) return;
    let sum = 0;
    let counted = 0;
    for (const [id, layer] of rows) {
      // A layer the other side already has moves no bytes: it does not count towards the bar.
      if (SKIPPED.has(layer.phase)) continue;
      const value = Math.max(best.get(id) ?? 0, layerFraction(layer));
      best.set(id, value);
      sum += value;
      counted += 1;
    }
    if (counted > 0) overall = Math.max(overall ?? 0, sum / counted);
  };

  return {
    read(message) {
      const failure = messageError(message);
      if (failure !== undefined) {
        error ??= failure;
        return false;
      }
      const aux = (message as { aux?: { Digest?: unknown } }).aux;
      if (typeof aux?.Digest === 'string') digest = aux.Digest;
      const status = message.status ?? '';
      const found = DIGEST_LINE.exec(status);
      if (found) digest ??= found[1];
      if (status.startsWith('Status: Image is up to date')) upToDate = true;

      const phase = phaseOf(status);
      if (phase === undefined || !message.id) return false;
      const previous = rows.get(message.id);
      const detail = message.progressDetail ?? {};
      const next: LayerProgress = { id: message.id, phase };
      if (typeof detail.current === 'number') next.current = detail.current;
      if (typeof detail.total === 'number' && detail.total > 0) next.total = detail.total;
      // The final "Download complete"/"Pushed" lines carry no bytes: keep the last known size.
      if (next.total === undefined && previous?.total !== undefined && (phase === 'verifying' || phase === 'download-complete' || FINISHED.has(phase))) {
        next.total = previous.total;
        next.current = previous.total;
      }
      rows.set(message.id, next);
      if (!LISTING.has(phase)) moving = true;
      const before = overall;
      recompute();
      return previous === undefined || previous.phase !== next.phase || previous.current !== next.current || before !== overall;
    },
    layers: () => [...rows.values()].map((row) => ({ ...row })),
    fraction: () => overall,
    error: () => error,
    digest: () => digest,
    upToDate: () => upToDate,
  };
}

/** The task step to show for the rows: the phase most layers are busy with. */
export function transferStep(layers: readonly LayerProgress[], direction: 'pull' | 'push'): 'starting' | 'downloading' | 'extracting' | 'verifying' | 'pushing' | 'finishing' {
  if (layers.length === 0) return 'starting';
  if (direction === 'push') return layers.every((l) => FINISHED.has(l.phase)) ? 'finishing' : 'pushing';
  if (layers.some((l) => l.phase === 'extracting')) return 'extracting';
  if (layers.some((l) => l.phase === 'downloading' || l.phase === 'waiting' || l.phase === 'retrying')) return 'downloading';
  if (layers.some((l) => l.phase === 'verifying' || l.phase === 'download-complete')) return 'verifying';
  return 'finishing';
}
