import { useRef, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export type DetailsTab = 'overview' | 'layers' | 'history' | 'inspect';

const TABS: readonly DetailsTab[] = ['overview', 'layers', 'history', 'inspect'];

export function isDetailsTab(value: string | undefined): value is DetailsTab {
  return (TABS as readonly (string | undefined)[]).includes(value);
}

/** The section switcher: a tab list (arrow keys move between tabs), with counts where they help. */
export function DetailsTabs({ tab, onTab, counts }: { tab: DetailsTab; onTab(tab: DetailsTab): void; counts: { layers: number; history: number } }): ReactElement {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);

  const onKey = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? 'overview';
    onTab(next);
    list.current?.querySelector<HTMLButtonElement>(`[data-tab="${next}"]`)?.focus();
  };

  return (
    <div ref={list} className="images-details__tabs" role="tablist" aria-label={t('imageDetails.tabs.label')} onKeyDown={onKey}>
      {TABS.map((id) => {
        const count = id === 'layers' || id === 'history' ? counts[id] : null;
        return (
          <button
            key={id}
            type="button"
            role="tab"
            id={`image-details-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`image-details-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? 'images-details__tab is-active' : 'images-details__tab'}
            data-tab={id}
            data-testid={`image-details-tab-${id}`}
            onClick={() => onTab(id)}
          >
            {t(`imageDetails.tabs.${id}`)}
            {count !== null ? <span className="images-details__tab-count">{count}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
