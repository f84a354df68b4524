import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export interface PathFieldProps {
  label: string;
  hint: string;
  value: string;
  /** The translated problem to show, or null. */
  problem: string | null;
  onChange(value: string): void;
  testId: string;
}

/** A file path on the machine where Wharf's core runs (there is no file picker in web mode). */
export function PathField({ label, hint, value, problem, onChange, testId }: PathFieldProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input mono"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('imageBuild.pathPlaceholder')}
        spellCheck={false}
        autoFocus
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
      />
      <span id={`${id}-hint`} className="field__hint">
        {hint}
      </span>
      {problem ? (
        <span className="images-build-field__problem" role="alert" data-testid={`${testId}-problem`}>
          {problem}
        </span>
      ) : null}
    </div>
  );
}
