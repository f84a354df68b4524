/**
 * The grammar of every engine object name or ID that goes into an Engine API path (/images/{name}/json,
 * /containers/{id}/…, /volumes/{name}, /networks/{id}). Pure: the renderer checks a field while the user types, the
 * engine layer checks again before any URL is built. A name outside its grammar never reaches the engine: the engine
 * answers a 301 to an unclean path (`a//b`, `.`/`..` segments), and an HTTP client following it is how one typed name
 * used to end the whole process.
 */
import { parseReference, type ReferenceProblem } from './image-reference';

export type EngineObjectKind = 'image' | 'container' | 'volume' | 'network' | 'exec';

/** Why a name was refused; the renderer translates `engineName.<problem>`. */
export type EngineNameProblem = ReferenceProblem | 'too-long' | 'invalid-name' | 'invalid-id';

export type EngineNameCheck = { ok: true } | { ok: false; problem: EngineNameProblem };

/** Longest name or reference accepted for a path segment (the CLI's own limits are lower). */
export const ENGINE_NAME_MAX = 512;

/** An image ID as the engine and the CLI accept it: sha256:<64 hex>, or a hex prefix of one. */
const IMAGE_ID = /^(?:sha256:[a-f0-9]{64}|[a-f0-9]{1,64})$/;
/** moby's RestrictedNamePattern: what container and volume (local driver) names must match. */
export const OBJECT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
/** A name or (short) hex ID of a container, volume or network, as it may be typed or listed. */
export const OBJECT_REF = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** Exec IDs are the engine's own 64-hex IDs. */
const EXEC_ID = /^[a-f0-9]{64}$/;

const ok: EngineNameCheck = { ok: true };
const fail = (problem: EngineNameProblem): EngineNameCheck => ({ ok: false, problem });

/** Checks a name or ID of the given kind as it would be put into an Engine API path. */
export function checkEngineName(kind: EngineObjectKind, name: string): EngineNameCheck {
  if (name === '') return fail('empty');
  if (name.length > ENGINE_NAME_MAX) return fail('too-long');
  switch (kind) {
    case 'image': {
      if (IMAGE_ID.test(name)) return ok;
      const parsed = parseReference(name, { withDefaultTag: false });
      return parsed.ok ? ok : fail(parsed.problem);
    }
    case 'container':
    case 'volume':
    case 'network':
      // The pattern has no `/`, `%`, `?` or `#`, and a leading letter or digit, so no `.`/`..` segment either.
      return OBJECT_REF.test(name) ? ok : fail('invalid-name');
    case 'exec':
      return EXEC_ID.test(name) ? ok : fail('invalid-id');
  }
}

/**
 * The name as it goes into the URL path: every segment percent-encoded (an image reference keeps its `/` separators,
 * which its grammar allows only between non-empty, dot-free-leading components).
 */
export function encodeEnginePath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

/** The details of an `invalid-input` error the engine layer raised for a name: which kind, and why. */
export interface EngineNameDetails {
  kind: EngineObjectKind;
  problem: EngineNameProblem;
}

const KINDS: readonly string[] = ['image', 'container', 'volume', 'network', 'exec'];

export function isEngineNameDetails(details: unknown): details is EngineNameDetails {
  if (typeof details !== 'object' || details === null) return false;
  const kind: unknown = Reflect.get(details, 'kind');
  return typeof kind === 'string' && KINDS.includes(kind) && typeof Reflect.get(details, 'problem') === 'string';
}
