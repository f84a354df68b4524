/** Build, save, load and import: the shared shapes. */

export interface BuildResult {
  /** Full ID of the built image. */
  id: string;
  tags: string[];
}

/** A classic-builder step as the engine prints it: "Step 3/5 : RUN make". */
export interface BuildStep {
  n: number;
  m: number;
  /** The instruction after "Step n/m : ". */
  instruction: string;
}

/** WharfErrorInfo.details of a failed build: the step that was running when the engine reported the error. */
export interface BuildFailureDetails {
  step?: BuildStep;
  /** The engine's own error text (WharfErrorInfo.message also names the step). */
  message: string;
}

export interface LoadResult {
  /** "Loaded image: busybox:latest" / "Loaded image ID: sha256:…" references, as the engine answered. */
  loaded: string[];
}

export interface ImportResult {
  id: string;
  reference?: string;
}

export interface SaveResult {
  path: string;
  bytes: number;
}

/** Task step keys (tasks.step.<key>) these tasks report, with their values. */
export const BUILD_STEP_KEY = 'build-step'; // {n, m}
export const ARCHIVE_BYTES_KEY = 'archive-bytes'; // {size}: human size written or sent so far

/** The engine's own text of a build failure (without the step Wharf adds to the message). */
export function buildFailureMessage(error: { message: string; details?: unknown }): string {
  const details = error.details as Partial<BuildFailureDetails> | undefined;
  return typeof details?.message === 'string' ? details.message : error.message;
}

/** Reads a BuildFailureDetails out of an error's details, if it carries one. */
export function buildFailureStep(details: unknown): BuildStep | undefined {
  if (!details || typeof details !== 'object' || !('step' in details)) return undefined;
  const step = (details as { step?: unknown }).step;
  if (!step || typeof step !== 'object') return undefined;
  const { n, m, instruction } = step as Partial<BuildStep>;
  return typeof n === 'number' && typeof m === 'number' && typeof instruction === 'string' ? { n, m, instruction } : undefined;
}

/** The `docker build` command line for a form, as argv (no shell quoting: shown, never run). */
export function buildCommand(input: { contextDir: string; dockerfile: string; tags: string[]; buildArgs: Record<string, string>; noCache: boolean; pull: boolean }): string[] {
  const argv = ['docker', 'build'];
  for (const tag of input.tags) argv.push('-t', tag);
  // The CLI reads -f relative to the current directory; Wharf's Dockerfile path is relative to the context.
  if (input.dockerfile && input.dockerfile !== 'Dockerfile') {
    argv.push('-f', input.dockerfile.startsWith('/') ? input.dockerfile : `${input.contextDir.replace(/\/+$/, '')}/${input.dockerfile}`);
  }
  for (const [key, value] of Object.entries(input.buildArgs)) argv.push('--build-arg', `${key}=${value}`);
  if (input.noCache) argv.push('--no-cache');
  if (input.pull) argv.push('--pull');
  argv.push(input.contextDir);
  return argv;
}
