import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useRef, type ReactElement, type RefObject } from 'react';
import { Icon } from '../Icon';
import type { SortDirection } from './table-logic';
import '../../styles/tables.css';

export interface VirtualRows {
  scrollRef: RefObject<HTMLDivElement | null>;
  items: VirtualItem[];
  /** Heights of the empty space above and below the rows in the DOM. */
  top: number;
  bottom: number;
}

const OVERSCAN = 8;

/** Only the rows in view (and a few either side) are rendered; the rest of the scroll height is two spacer rows. */
export function useVirtualRows(count: number, rowHeight: number, getKey: (index: number) => string | number): VirtualRows {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders its component itself on scroll; nothing here is memoised
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    // Rows on the very first render, before the scroll box was measured (the 300 ms budget).
    initialRect: { width: 1000, height: 640 },
    getItemKey: getKey,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return { scrollRef, items, top, bottom };
}

/** The space of the rows not rendered. */
export function SpacerRow({ height, span }: { height: number; span: number }): ReactElement | null {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="virtual-table__spacer">
      <td colSpan={span} style={{ height }} />
    </tr>
  );
}

/** A column header that sorts: the label, an arrow for the active direction; `info` underlines a header with a tooltip. */
export function SortButton({ label, direction, onSort, testId, info }: { label: string; direction: SortDirection | null; onSort(): void; testId: string; info?: boolean }): ReactElement {
  return (
    <button type="button" className="sort-button" data-testid={testId} onClick={onSort}>
      <span className={info ? 'sort-button__info' : undefined}>{label}</span>
      <span className={direction ? 'sort-button__arrow is-active' : 'sort-button__arrow'} aria-hidden="true">
        {direction === 'ascending' ? '▲' : '▼'}
      </span>
    </button>
  );
}

/** The header checkbox: checked when every row is, indeterminate when some are. */
export function SelectAllBox({ checkedCount, total, onChange, label, testId }: { checkedCount: number; total: number; onChange(on: boolean): void; label: string; testId: string }): ReactElement {
  const all = total > 0 && checkedCount === total;
  return (
    <input
      type="checkbox"
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = checkedCount > 0 && !all;
      }}
      onChange={(e) => onChange(e.target.checked)}
      aria-label={label}
      data-testid={testId}
    />
  );
}

/** The search box at the head of a list card. */
export function SearchField({ value, onChange, placeholder, label, testId }: { value: string; onChange(q: string): void; placeholder: string; label: string; testId: string }): ReactElement {
  return (
    <label className="search-field">
      <Icon name="search" size={16} />
      <input type="search" className="input" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} aria-label={label} spellCheck={false} />
    </label>
  );
}
