import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleanupPreview } from '../../../../shared/cleanup';
import { shellQuote } from '../../../../shared/shell-quote';
import { humanSize } from '../../../../shared/units';
import { CommandBlock } from '../../components/CommandBlock';
import { Icon } from '../../components/Icon';
import { useEstimate } from './use-estimate';
import { hrefFor } from '../../stores/route-store';

/** Rows drawn at once; a filter narrows a long preview (every item is still counted and run). */
const SHOWN = 300;

/**
 * The CLI's RECLAIMABLE for images beside what deleting the ticked objects frees. They differ when images share
 * layers: the CLI counts every unused image whole, but a layer another image keeps stays on disk.
 */
function ReclaimGap({ preview, estimate, selected }: { preview: CleanupPreview; estimate: number | null; selected: ReadonlySet<string> }): ReactElement {
  const { t } = useTranslation();
  const cli = preview.cliImagesReclaimable ?? 0;
  const image = preview.items.find((i) => i.kind === 'image' && selected.has(i.key)) ?? preview.items.find((i) => i.kind === 'image');
  return (
    <div className="cleanup-gap" data-testid="cleanup-gap">
      <div className="cleanup-gap__figure">
        <span className="muted">{t('cleanup.preview.cliReclaimable')}</span>
        <strong data-testid="cleanup-cli-reclaimable">{humanSize(cli)}</strong>
      </div>
      <div className="cleanup-gap__figure">
        <span className="muted">{t('cleanup.preview.freesReally')}</span>
        <strong data-testid="cleanup-frees">{estimate === null ? '…' : humanSize(estimate)}</strong>
      </div>
      {estimate !== null && estimate < cli ? (
        <p className="cleanup-gap__why" data-testid="cleanup-gap-why">
          {t('cleanup.preview.gapWhy')}{' '}
          {image ? (
            <a href={hrefFor('images', { dialog: 'details', image: image.id, tab: 'layers' })} data-testid="cleanup-gap-layers">
              {t('cleanup.preview.gapLayers', { image: image.name })}
            </a>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/** Every object that would go, with its size, tickable; the real gain for the ticked ones; the CLI of the same meaning. */
export function PreviewStep({ preview, selected, onSelected }: { preview: CleanupPreview; selected: ReadonlySet<string>; onSelected(keys: Set<string>): void }): ReactElement {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const keys = useMemo(() => preview.items.filter((i) => selected.has(i.key)).map((i) => i.key), [preview, selected]);
  const estimate = useEstimate(preview.id, keys, preview.reclaimable);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? preview.items.filter((i) => `${i.name} ${i.id} ${i.note ?? ''}`.toLowerCase().includes(q)) : preview.items;
  }, [preview, query]);
  const toggle = (key: string, on: boolean): void => {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    onSelected(next);
  };
  const setShown = (on: boolean): void => {
    const next = new Set(selected);
    for (const item of shown) if (on && !item.caution) next.add(item.key);
    else if (!on) next.delete(item.key);
    onSelected(next);
  };

  if (preview.items.length === 0)
    return (
      <div>
        <p className="muted" data-testid="cleanup-preview-empty">
          {t('cleanup.preview.nothing')}
        </p>
        <div className="cleanup-preview__command">
          <span className="muted">{t('cleanup.preview.command')}</span>
          <CommandBlock commands={preview.commands.map((argv) => ({ command: shellQuote(argv) }))} testId="cleanup-command" />
        </div>
      </div>
    );
  return (
    <div className="cleanup-preview" data-testid="cleanup-preview">
      <div className="cleanup-preview__summary">
        <span data-testid="cleanup-selected-count">{t('cleanup.preview.selected', { count: keys.length, total: preview.items.length })}</span>
        <span title={t('cleanup.preview.reclaimTitle')}>
          {t('cleanup.preview.reclaim')} <strong data-testid="cleanup-estimate">{estimate === null ? '…' : humanSize(estimate)}</strong>
        </span>
      </div>
      {preview.cliImagesReclaimable !== null ? <ReclaimGap preview={preview} estimate={estimate} selected={selected} /> : null}
      {preview.kept.length > 0 ? (
        <p className="muted" data-testid="cleanup-kept">
          {t('cleanup.preview.kept', { names: preview.kept.map((k) => `${k.name} (${t(`cleanup.preview.keptWhy.${k.why}`)})`).join(', ') })}
        </p>
      ) : null}
      {preview.items.some((i) => i.caution === 'named-volume') ? (
        <div className="notice notice--warning">
          <Icon name="alert" />
          <div className="notice__body">{t('cleanup.preview.namedWarning')}</div>
        </div>
      ) : null}
      <div className="cleanup-preview__tools">
        <input className="input" type="search" placeholder={t('cleanup.preview.filter')} aria-label={t('cleanup.preview.filter')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="cleanup-filter" />
        <button type="button" className="button button--subtle button--small" onClick={() => setShown(true)} data-testid="cleanup-select-all">
          {t('cleanup.preview.all')}
        </button>
        <button type="button" className="button button--subtle button--small" onClick={() => setShown(false)} data-testid="cleanup-select-none">
          {t('cleanup.preview.none')}
        </button>
      </div>
      <div className="table-wrap cleanup-preview__table">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="cleanup-preview__check" />
              <th scope="col">{t('cleanup.preview.col.object')}</th>
              <th scope="col">{t('cleanup.preview.col.kind')}</th>
              <th scope="col" className="num">
                {t('cleanup.preview.col.size')}
              </th>
              <th scope="col">{t('cleanup.preview.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, SHOWN).map((item) => (
              <tr key={item.key} data-testid="cleanup-item" data-name={item.name} data-kind={item.kind} className={selected.has(item.key) ? 'is-selected' : undefined}>
                <td className="cleanup-preview__check">
                  <input type="checkbox" aria-label={item.name} checked={selected.has(item.key)} onChange={(e) => toggle(item.key, e.target.checked)} />
                </td>
                <td className="mono cleanup-preview__name">{item.name}</td>
                <td>
                  <span className={`chip ${item.caution ? 'chip--danger' : 'chip--muted'}`}>{t(`cleanup.preview.kind.${item.kind}`)}</span>
                </td>
                <td className="num">{humanSize(item.size)}</td>
                <td className="faint cleanup-preview__note">{item.sharedWithImages ? `${item.note ?? ''} · ${t('cleanup.preview.sharedCache')}` : item.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length > SHOWN ? <p className="faint">{t('cleanup.detail.more', { count: shown.length - SHOWN })}</p> : null}
      </div>
      <div className="cleanup-preview__command">
        <span className="muted">{t('cleanup.preview.command')}</span>
        <CommandBlock commands={preview.commands.map((argv) => ({ command: shellQuote(argv) }))} testId="cleanup-command" />
        <span className="field__hint">{t('cleanup.preview.commandNote')}</span>
      </div>
    </div>
  );
}
