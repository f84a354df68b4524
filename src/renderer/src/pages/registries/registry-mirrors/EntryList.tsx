import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryCheck } from '../../../../../shared/registry-mirrors';
import { Icon } from '../../../components/Icon';

export interface EntryListProps {
  kind: 'mirrors' | 'insecure';
  entries: readonly string[];
  checks: readonly EntryCheck[];
  /** Values the engine uses now (GET /info); undefined when the engine does not answer. */
  inEffect?: readonly string[];
  /** Mirrors keep an order (the engine tries them in turn); insecure registries do not. */
  reorder: boolean;
  onChange(next: string[]): void;
}

function moved(list: readonly string[], from: number, to: number): string[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The entries of one daemon.json list: each with its check (problem or note), whether it is in effect, order and remove. */
export function EntryList({ kind, entries, checks, inEffect, reorder, onChange }: EntryListProps): ReactElement {
  const { t } = useTranslation();
  if (entries.length === 0) {
    return <p className="muted registry-mirrors-entries__empty">{kind === 'mirrors' ? t('registryMirrors.mirrors.empty') : t('registryMirrors.insecure.empty')}</p>;
  }
  return (
    <ol className="registry-mirrors-entries" data-testid={`registry-${kind}-list`}>
      {entries.map((entry, index) => {
        const check = checks[index];
        const value = check?.value ?? entry;
        const live = inEffect?.includes(value);
        return (
          <li key={`${index}-${entry}`} className={`registry-mirrors-entries__row${check?.problem ? ' registry-mirrors-entries__row--invalid' : ''}`} data-testid={`registry-${kind}-entry`}>
            {reorder ? <span className="registry-mirrors-entries__rank">{index + 1}</span> : null}
            <div className="registry-mirrors-entries__main">
              <code className="mono registry-mirrors-entries__value">{entry}</code>
              {check?.problem ? (
                <span className="registry-mirrors-entries__problem" role="alert">
                  <Icon name="alert" size={14} />
                  {t(`registryMirrors.problem.${check.problem}`)}
                </span>
              ) : null}
              {check?.note ? <span className="registry-mirrors-entries__note">{t(`registryMirrors.note.${check.note}`)}</span> : null}
            </div>
            {inEffect !== undefined && !check?.problem ? (
              <span className={`chip ${live ? 'chip--success' : 'chip--muted'}`}>{live ? t('registryMirrors.inEffect') : t('registryMirrors.notInEffect')}</span>
            ) : null}
            <div className="registry-mirrors-entries__actions">
              {reorder ? (
                <>
                  <button type="button" className="button button--subtle button--small" disabled={index === 0} onClick={() => onChange(moved(entries, index, index - 1))} aria-label={t('registryMirrors.mirrors.moveUp')} title={t('registryMirrors.mirrors.moveUp')}>
                    ↑
                  </button>
                  <button type="button" className="button button--subtle button--small" disabled={index === entries.length - 1} onClick={() => onChange(moved(entries, index, index + 1))} aria-label={t('registryMirrors.mirrors.moveDown')} title={t('registryMirrors.mirrors.moveDown')}>
                    ↓
                  </button>
                </>
              ) : null}
              <button type="button" className="button button--subtle button--small" onClick={() => onChange(entries.filter((_e, i) => i !== index))} aria-label={t('registryMirrors.mirrors.remove')} title={t('registryMirrors.mirrors.remove')}>
                <Icon name="trash" size={14} />
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
