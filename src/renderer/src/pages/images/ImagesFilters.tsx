import { useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { filterPairs } from '../../../../shared/image-filters';
import type { ImageFilters, ImageListInput, ImageRow } from '../../../../shared/images';
import { shellQuote } from '../../../../shared/shell-quote';
import { CommandBlock } from '../../components/CommandBlock';
import { Icon } from '../../components/Icon';
import { EMPTY_INPUT } from '../../stores/images-store';

type Dangling = 'any' | 'true' | 'false';

interface Draft {
  reference: string;
  since: string;
  before: string;
  dangling: Dangling;
  label: string;
  all: boolean;
}

function toDraft(input: ImageListInput): Draft {
  const f = input.filters;
  return {
    reference: (f.reference ?? []).join(' '),
    since: f.since ?? '',
    before: f.before ?? '',
    dangling: f.dangling === undefined ? 'any' : f.dangling ? 'true' : 'false',
    label: (f.label ?? []).join(', '),
    all: input.all,
  };
}

/** References never contain spaces, so spaces or commas separate them; label values may hold spaces, so only commas do. */
function toInput(d: Draft): ImageListInput {
  const reference = d.reference.split(/[\s,]+/).filter(Boolean);
  const label = d.label.split(',').map((l) => l.trim()).filter(Boolean);
  return {
    all: d.all,
    filters: {
      ...(reference.length ? { reference } : {}),
      ...(d.since.trim() ? { since: d.since.trim() } : {}),
      ...(d.before.trim() ? { before: d.before.trim() } : {}),
      ...(d.dangling !== 'any' ? { dangling: d.dangling === 'true' } : {}),
      ...(label.length ? { label } : {}),
    },
  };
}

/** The applied input without one `-f key=value` (or without -a). */
function without(input: ImageListInput, key: string, value: string): ImageListInput {
  if (key === '-a') return { ...input, all: false };
  const f: ImageFilters = { ...input.filters };
  if (key === 'reference' || key === 'label') {
    const rest = (f[key] ?? []).filter((v) => v !== value);
    if (rest.length > 0) f[key] = rest;
    else delete f[key];
  } else delete f[key as 'since' | 'before' | 'dangling'];
  return { ...input, filters: f };
}

/** Folded: one line with the active filters as chips (each removable) and the command, so the list keeps the room. */
function FoldedFilters({ applied, command, onApply, onOpen }: { applied: ImageListInput; command: readonly string[]; onApply(input: ImageListInput): void; onOpen(): void }): ReactElement {
  const { t } = useTranslation();
  const chips: Array<[string, string]> = [...(applied.all ? [['-a', ''] as [string, string]] : []), ...filterPairs(applied.filters)];
  return (
    <div className="card images-filters images-filters--folded" data-testid="images-filters-folded">
      <button type="button" className="button button--small button--subtle" aria-expanded={false} onClick={onOpen} data-testid="images-filters-toggle">
        <Icon name="search" size={14} />
        {chips.length > 0 ? t('images.filters.showCount', { count: chips.length }) : t('images.filters.show')}
      </button>
      <span className="images-filters__chips">
        {chips.map(([key, value]) => {
          const text = key === '-a' ? '-a' : `${key}=${value}`;
          return (
            <span key={text} className="chip chip--accent images-filter-chip" translate="no" data-testid="images-filter-chip">
              {text}
              <button type="button" className="images-filter-chip__remove" aria-label={t('images.filters.removeOne', { filter: text })} title={t('images.filters.removeOne', { filter: text })} onClick={() => onApply(without(applied, key, value))}>
                ×
              </button>
            </span>
          );
        })}
      </span>
      <CommandBlock commands={[{ command: shellQuote(command) }]} testId="images-command" />
    </div>
  );
}

export interface ImagesFiltersProps {
  applied: ImageListInput;
  /** The since/before filter naming an image the engine does not have (the list answered 404 for it). */
  missing?: 'since' | 'before' | null;
  command: readonly string[];
  rows: readonly ImageRow[];
  onApply(input: ImageListInput): void;
}

/** The CLI's `-f` filters and `-a`, applied together, with the equivalent command line below. */
export function ImagesFilters({ applied, missing, command, rows, onApply }: ImagesFiltersProps): ReactElement | null {
  const [open, setOpen] = useState(false);
  // A filter the engine refused is explained at its field, so the form opens for it.
  if (!open && !missing) return <FoldedFilters applied={applied} command={command} onApply={onApply} onOpen={() => setOpen(true)} />;
  return <FilterForm applied={applied} missing={missing ?? null} command={command} rows={rows} onApply={onApply} onFold={() => setOpen(false)} />;
}

/** The full form: every filter field, -a, and the command with Reset and Apply. */
function FilterForm({ applied, missing, command, rows, onApply, onFold }: Omit<ImagesFiltersProps, 'missing'> & { missing: 'since' | 'before' | null; onFold(): void }): ReactElement {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => toDraft(applied));
  const references = useMemo(() => {
    const set = new Set<string>();
    for (const r of rows) if (r.repository !== '<none>' && r.tag !== '<none>') set.add(`${r.repository}:${r.tag}`);
    return [...set].sort().slice(0, 500);
  }, [rows]);
  const change = <K extends keyof Draft>(key: K, value: Draft[K]): void => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onApply(toInput(draft));
  };
  const reset = (): void => {
    setDraft(toDraft(EMPTY_INPUT));
    onApply(EMPTY_INPUT);
  };

  return (
    <form className="card images-filters" onSubmit={submit} aria-label={t('images.filters.title')}>
      <div className="images-filters__grid">
        <label className="images-field images-field--wide">
          <span>{t('images.filters.reference')}</span>
          <input
            className="input"
            data-testid="images-filter-reference"
            value={draft.reference}
            placeholder={t('images.filters.referencePlaceholder')}
            onChange={(e) => change('reference', e.target.value)}
            spellCheck={false}
          />
        </label>
        {(['since', 'before'] as const).map((field) => (
          <label key={field} className="images-field">
            <span>{t(`images.filters.${field}`)}</span>
            <input
              className="input"
              data-testid={`images-filter-${field}`}
              list="images-references"
              value={draft[field]}
              placeholder={t('images.filters.imagePlaceholder')}
              onChange={(e) => change(field, e.target.value)}
              spellCheck={false}
              aria-invalid={missing === field}
            />
            {missing === field ? (
              <span className="images-field__problem" role="alert" data-testid={`images-filter-${field}-problem`}>
                {t('images.filters.noSuchImage', { image: applied.filters[field] })}
              </span>
            ) : null}
          </label>
        ))}
        <label className="images-field images-field--dangling">
          <span>{t('images.filters.dangling')}</span>
          <select className="select" data-testid="images-filter-dangling" value={draft.dangling} onChange={(e) => change('dangling', e.target.value as Dangling)}>
            <option value="any">{t('images.filters.danglingAny')}</option>
            <option value="true">{t('images.filters.danglingTrue')}</option>
            <option value="false">{t('images.filters.danglingFalse')}</option>
          </select>
        </label>
        <label className="images-field images-field--label">
          <span>{t('images.filters.label')}</span>
          <input
            className="input"
            data-testid="images-filter-label"
            value={draft.label}
            placeholder={t('images.filters.labelPlaceholder')}
            onChange={(e) => change('label', e.target.value)}
            spellCheck={false}
          />
        </label>
        <div className="images-filters__actions">
          <label className="checkbox" title={t('images.filters.allHint')}>
            <input type="checkbox" data-testid="images-filter-all" checked={draft.all} onChange={(e) => change('all', e.target.checked)} />
            {t('images.filters.all')}
          </label>
        </div>
        <datalist id="images-references">
          {references.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </div>
      <div className="images-filters__command">
        <span className="section-label images-filters__command-label">
          <Icon name="terminal" size={16} />
          {t('images.command')}
        </span>
        <div className="images-filters__command-row">
          <CommandBlock commands={[{ command: shellQuote(command) }]} testId="images-command" />
          <button type="button" className="button button--ghost" aria-expanded={true} onClick={onFold} data-testid="images-filters-toggle">
            {t('images.filters.hide')}
          </button>
          <button type="button" className="button button--ghost" onClick={reset} data-testid="images-reset-filters">
            {t('images.filters.reset')}
          </button>
          <button type="submit" className="button button--primary" data-testid="images-apply-filters">
            <Icon name="check" size={16} />
            {t('images.filters.apply')}
          </button>
        </div>
      </div>
    </form>
  );
}
