/** Field checks the build, save and load dialogs share; each answers a translated message or null. */
import type { TFunction } from 'i18next';
import { parseReference } from '../../../../../shared/image-reference';

/** A path on the machine where the core runs: required, absolute. */
export function pathProblem(t: TFunction, value: string): string | null {
  const path = value.trim();
  if (path === '') return t('imageBuild.errors.pathRequired');
  if (!path.startsWith('/')) return t('imageBuild.errors.pathAbsolute');
  return null;
}

/** A name:tag to give an image (build tags, import name): the CLI's grammar, no digest. */
export function tagProblem(t: TFunction, value: string): string | null {
  const typed = value.trim();
  const parsed = parseReference(typed);
  if (!parsed.ok) return t('imageBuild.errors.referenceInvalid', { value: typed, problem: t(`imageBuild.errors.problem.${parsed.problem}`) });
  if (parsed.value.digest) return t('imageBuild.errors.referenceDigest', { value: typed });
  return null;
}

const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Build-argument names: shell-variable names, each once. */
export function argProblems(t: TFunction, names: readonly string[]): (string | null)[] {
  return names.map((raw, i) => {
    const name = raw.trim();
    if (name === '') return null;
    if (!ARG_NAME.test(name)) return t('imageBuild.build.errors.argName', { value: name });
    if (names.findIndex((other) => other.trim() === name) !== i) return t('imageBuild.build.errors.argDuplicate', { value: name });
    return null;
  });
}
