/** The build dialog's form: its state, its checks and the images.build input it makes. */
import type { TFunction } from 'i18next';
import type { ChannelInput } from '../../../../../shared/contract';
import { argProblems, pathProblem, tagProblem } from './form-checks';

export interface BuildForm {
  contextDir: string;
  dockerfile: string;
  /** One input per tag; empty ones are ignored. */
  tags: string[];
  args: { name: string; value: string }[];
  noCache: boolean;
  pull: boolean;
}

export const INITIAL_FORM: BuildForm = { contextDir: '', dockerfile: 'Dockerfile', tags: [''], args: [], noCache: false, pull: false };

export interface BuildFormProblems {
  contextDir: string | null;
  dockerfile: string | null;
  tags: (string | null)[];
  args: (string | null)[];
  any: boolean;
}

function dockerfileProblem(t: TFunction, form: BuildForm): string | null {
  const file = form.dockerfile.trim();
  if (file === '') return t('imageBuild.build.errors.dockerfileRequired');
  const dir = form.contextDir.trim().replace(/\/+$/, '');
  const outside = file.startsWith('/') ? dir !== '' && !file.startsWith(`${dir}/`) : file.split('/').includes('..');
  return outside ? t('imageBuild.build.errors.dockerfileOutside') : null;
}

export function checkForm(t: TFunction, form: BuildForm): BuildFormProblems {
  const contextDir = pathProblem(t, form.contextDir);
  const dockerfile = dockerfileProblem(t, form);
  const tags = form.tags.map((tag) => (tag.trim() === '' ? null : tagProblem(t, tag)));
  const args = argProblems(
    t,
    form.args.map((a) => a.name),
  );
  const any = contextDir !== null || dockerfile !== null || tags.some((p) => p !== null) || args.some((p) => p !== null);
  return { contextDir, dockerfile, tags, args, any };
}

export function buildInput(form: BuildForm): ChannelInput<'images.build'> {
  const buildArgs: Record<string, string> = {};
  for (const { name, value } of form.args) if (name.trim() !== '') buildArgs[name.trim()] = value;
  return {
    contextDir: form.contextDir.trim(),
    dockerfile: form.dockerfile.trim(),
    tags: form.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
    buildArgs,
    noCache: form.noCache,
    pull: form.pull,
  };
}
