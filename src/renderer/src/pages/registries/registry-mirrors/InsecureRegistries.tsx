import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryCheck } from '../../../../../shared/registry-mirrors';
import { Icon } from '../../../components/Icon';
import { EntryList } from './EntryList';

export interface InsecureRegistriesProps {
  entries: string[];
  checks: EntryCheck[];
  inEffect?: string[];
  onChange(next: string[]): void;
}

/** insecure-registries: what it is for, its risk, and that loopback needs nothing; list, add (host:port or CIDR), remove. */
export function InsecureRegistries({ entries, checks, inEffect, onChange }: InsecureRegistriesProps): ReactElement {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (text.trim() === '') return;
    onChange([...entries, text.trim()]);
    setText('');
  };
  return (
    <section className="registry-mirrors-block" data-testid="registry-insecure">
      <h3 className="registry-mirrors-block__title">{t('registryMirrors.insecure.heading')}</h3>
      <p className="muted">{t('registryMirrors.insecure.help')}</p>
      <div className="notice notice--warning">
        <Icon name="shield" />
        <div className="notice__body">
          <p>{t('registryMirrors.insecure.risk')}</p>
          <p className="muted">{t('registryMirrors.insecure.loopback')}</p>
        </div>
      </div>
      <EntryList kind="insecure" entries={entries} checks={checks} inEffect={inEffect} reorder={false} onChange={onChange} />
      <form className="registry-mirrors-add__row" onSubmit={submit}>
        <label className="field registry-mirrors-add__field">
          <span>{t('registryMirrors.insecure.label')}</span>
          <input className="input mono" value={text} placeholder="20.26.38.47:5000" onChange={(e) => setText(e.target.value)} data-testid="registry-insecure-input" />
        </label>
        <button type="submit" className="button button--secondary" disabled={text.trim() === ''} data-testid="registry-insecure-add">
          {t('registryMirrors.insecure.add')}
        </button>
      </form>
    </section>
  );
}
