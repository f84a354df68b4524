import type { ReactElement } from 'react';

/** One labelled input with its hint, or its problem in place of the hint. */
export function TextField(props: { id: string; label: string; value: string; onChange(v: string): void; placeholder?: string; hint?: string; problem?: string; autoFocus?: boolean; testId: string }): ReactElement {
  const { id, label, value, onChange, placeholder, hint, problem, autoFocus, testId } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input mono" value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} spellCheck={false} autoFocus={autoFocus} aria-invalid={problem ? true : undefined} data-testid={testId} />
      {problem ? (
        <span className="resource-problem" data-testid={`${testId}-problem`}>
          {problem}
        </span>
      ) : hint ? (
        <span className="field__hint">{hint}</span>
      ) : null}
    </div>
  );
}
