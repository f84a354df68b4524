import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairsResult } from './pairs';

/** A key=value per line textarea (labels, driver options) with its problem under it. */
export function PairsField({ id, label, hint, value, parsed, onChange, testId }: { id: string; label: string; hint?: string; value: string; parsed: PairsResult; onChange(value: string): void; testId: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="input resource-textarea" rows={2} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} data-testid={testId} placeholder="key=value" />
      {parsed.ok ? <span className="field__hint">{hint ?? t('volumes.pairs.hint')}</span> : <span className="resource-problem">{t('volumes.pairs.badLine', { line: parsed.line })}</span>}
    </div>
  );
}
