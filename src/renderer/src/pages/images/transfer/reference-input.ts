import type { TFunction } from 'i18next';
import { parseReference, type ParsedReference } from '../../../../../shared/image-reference';

export interface ReferenceInput {
  /** What is sent: the typed text without surrounding spaces. */
  text: string;
  parsed: ParsedReference | null;
  /** The translated reason it cannot be used, or null. */
  problem: string | null;
}

/** Reads what the user typed with the CLI's grammar (the core checks it again); digests may be refused. */
export function readReference(t: TFunction, typed: string, options: { allowDigest: boolean }): ReferenceInput {
  const text = typed.trim();
  const result = parseReference(text);
  if (!result.ok) return { text, parsed: null, problem: t(`imageTransfer.referenceProblem.${result.problem}`) };
  if (!options.allowDigest && result.value.digest) return { text, parsed: result.value, problem: t('imageTransfer.tag.digestNotAllowed') };
  return { text, parsed: result.value, problem: null };
}
