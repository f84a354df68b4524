import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isDockerHub } from '../../../../../shared/image-reference';
import type { ReferenceInput } from './reference-input';

export interface ReferenceFieldProps {
  label: string;
  hint: string;
  value: string;
  input: ReferenceInput;
  /** The sentence shown when :latest was added for the user. */
  defaultTagNote: string;
  onChange(value: string): void;
  onSubmit(): void;
  testId: string;
}

/** A reference input with the CLI's validation as the user types, and what it resolves to. */
export function ReferenceField({ label, hint, value, input, defaultTagNote, onChange, onSubmit, testId }: ReferenceFieldProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const showProblem = value.trim() !== '' && input.problem !== null;
  const parsed = input.problem === null ? input.parsed : null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input mono"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSubmit();
        }}
        placeholder={t('imageTransfer.reference.placeholder')}
        spellCheck={false}
        autoComplete="off"
        autoFocus
        aria-invalid={showProblem}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
      />
      <span id={`${id}-hint`} className="field__hint">
        {hint}
      </span>
      {showProblem ? (
        <span className="images-transfer-problem" role="alert" data-testid={`${testId}-problem`}>
          {input.problem}
        </span>
      ) : null}
      {parsed ? (
        <dl className="images-transfer-facts" data-testid={`${testId}-facts`}>
          <dt>{t('imageTransfer.reference.registry')}</dt>
          <dd>{isDockerHub(parsed) ? t('imageTransfer.reference.dockerHub') : parsed.domain}</dd>
          <dt>{t('imageTransfer.reference.resolved')}</dt>
          <dd>{parsed.canonical}</dd>
        </dl>
      ) : null}
      {parsed?.tagDefaulted ? <span className="field__hint">{defaultTagNote}</span> : null}
    </div>
  );
}
