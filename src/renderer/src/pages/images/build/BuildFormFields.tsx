import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';
import type { BuildForm, BuildFormProblems } from './build-form';

export interface BuildFormFieldsProps {
  form: BuildForm;
  problems: BuildFormProblems;
  /** Show "required" messages too (after a first attempt); format problems show while typing. */
  showAll: boolean;
  onChange(form: BuildForm): void;
}

function Problem({ id, text }: { id: string; text: string | null }): ReactElement | null {
  return text ? (
    <span id={id} className="images-build-field__problem" role="alert">
      {text}
    </span>
  ) : null;
}

/** The build form's fields: folder, Dockerfile, tags, build arguments, options. */
export function BuildFormFields({ form, problems, showAll, onChange }: BuildFormFieldsProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<BuildForm>): void => onChange({ ...form, ...patch });
  const shown = (value: string, problem: string | null): string | null => (showAll || value.trim() !== '' ? problem : null);

  const contextProblem = shown(form.contextDir, problems.contextDir);
  const dockerfileProblem = shown(form.dockerfile, problems.dockerfile);

  return (
    <div className="images-build-form">
      <div className="field">
        <label htmlFor={`${id}-context`}>{t('imageBuild.build.context')}</label>
        <input
          id={`${id}-context`}
          className="input mono"
          value={form.contextDir}
          onChange={(e) => set({ contextDir: e.target.value })}
          placeholder={t('imageBuild.build.contextPlaceholder')}
          spellCheck={false}
          autoFocus
          aria-invalid={contextProblem !== null}
          aria-describedby={`${id}-context-hint`}
          data-testid="build-context"
        />
        <span id={`${id}-context-hint`} className="field__hint">
          {t('imageBuild.build.contextHint')}
        </span>
        <Problem id={`${id}-context-problem`} text={contextProblem} />
      </div>

      <div className="field">
        <label htmlFor={`${id}-dockerfile`}>{t('imageBuild.build.dockerfile')}</label>
        <input
          id={`${id}-dockerfile`}
          className="input mono"
          value={form.dockerfile}
          onChange={(e) => set({ dockerfile: e.target.value })}
          spellCheck={false}
          aria-invalid={dockerfileProblem !== null}
          data-testid="build-dockerfile"
        />
        <span className="field__hint">{t('imageBuild.build.dockerfileHint')}</span>
        <Problem id={`${id}-dockerfile-problem`} text={dockerfileProblem} />
      </div>

      <fieldset className="field images-build-rows">
        <legend>{t('imageBuild.build.tags')}</legend>
        <span className="field__hint">{t('imageBuild.build.tagsHint')}</span>
        {form.tags.map((tag, i) => (
          <div key={i} className="images-build-rows__row">
            <div className="images-build-rows__cells">
              <input
                className="input mono"
                value={tag}
                onChange={(e) => set({ tags: form.tags.map((v, j) => (j === i ? e.target.value : v)) })}
                placeholder={t('imageBuild.build.tagPlaceholder')}
                aria-label={t('imageBuild.build.tags')}
                aria-invalid={problems.tags[i] != null}
                spellCheck={false}
                data-testid="build-tag"
              />
              <button
                type="button"
                className="icon-button"
                onClick={() => set({ tags: form.tags.length > 1 ? form.tags.filter((_, j) => j !== i) : [''] })}
                aria-label={t('imageBuild.build.removeTag', { value: tag })}
              >
                <Icon name="close" size={16} />
              </button>
            </div>
            <Problem id={`${id}-tag-${i}`} text={problems.tags[i] ?? null} />
          </div>
        ))}
        <div>
          <button type="button" className="button button--subtle button--small" onClick={() => set({ tags: [...form.tags, ''] })} data-testid="build-add-tag">
            {t('imageBuild.build.addTag')}
          </button>
        </div>
      </fieldset>

      <fieldset className="field images-build-rows">
        <legend>{t('imageBuild.build.args')}</legend>
        <span className="field__hint">{t('imageBuild.build.argsHint')}</span>
        {form.args.map((arg, i) => (
          <div key={i} className="images-build-rows__row">
            <div className="images-build-rows__cells images-build-rows__cells--pair">
              <input
                className="input mono"
                value={arg.name}
                onChange={(e) => set({ args: form.args.map((a, j) => (j === i ? { ...a, name: e.target.value } : a)) })}
                placeholder={t('imageBuild.build.argName')}
                aria-label={t('imageBuild.build.argName')}
                aria-invalid={problems.args[i] != null}
                spellCheck={false}
                data-testid="build-arg-name"
              />
              <input
                className="input mono"
                value={arg.value}
                onChange={(e) => set({ args: form.args.map((a, j) => (j === i ? { ...a, value: e.target.value } : a)) })}
                placeholder={t('imageBuild.build.argValue')}
                aria-label={t('imageBuild.build.argValue')}
                spellCheck={false}
                data-testid="build-arg-value"
              />
              <button type="button" className="icon-button" onClick={() => set({ args: form.args.filter((_, j) => j !== i) })} aria-label={t('imageBuild.build.removeArg', { value: arg.name })}>
                <Icon name="close" size={16} />
              </button>
            </div>
            <Problem id={`${id}-arg-${i}`} text={problems.args[i] ?? null} />
          </div>
        ))}
        <div>
          <button type="button" className="button button--subtle button--small" onClick={() => set({ args: [...form.args, { name: '', value: '' }] })} data-testid="build-add-arg">
            {t('imageBuild.build.addArg')}
          </button>
        </div>
      </fieldset>

      <fieldset className="field images-build-options">
        <legend>{t('imageBuild.build.options')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={form.noCache} onChange={(e) => set({ noCache: e.target.checked })} data-testid="build-no-cache" />
          {t('imageBuild.build.noCache')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.pull} onChange={(e) => set({ pull: e.target.checked })} data-testid="build-pull" />
          {t('imageBuild.build.pull')}
        </label>
      </fieldset>
    </div>
  );
}
