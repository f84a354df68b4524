import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';

export interface PopupMenuItem {
  id: string;
  label: string;
  icon: ReactNode;
  onPick(): void;
  danger?: boolean;
  /** Disabled, with this reason as its tooltip. */
  disabledReason?: string;
  testId?: string;
}

/** The boxes that clip `el` (ancestors that scroll or hide overflow), innermost first. */
function clippingAncestors(el: HTMLElement | null): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (let at = el?.parentElement ?? null; at && at !== document.body; at = at.parentElement) {
    const style = getComputedStyle(at);
    if (/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) found.push(at);
  }
  return found;
}

/** Whether the button at `r` can be seen: inside the window and every box that clips it. */
function inView(r: DOMRect, clips: readonly HTMLElement[]): boolean {
  const boxes = [{ top: 0, bottom: window.innerHeight }, ...clips.map((c) => c.getBoundingClientRect())];
  return boxes.every((b) => r.bottom > b.top && r.top < b.bottom);
}

/** Where the menu goes for a button at `r`: under it, right-aligned with it. */
function placeUnder(r: DOMRect): { top: number; right: number } {
  return { top: r.bottom + 4, right: window.innerWidth - r.right };
}

/**
 * The ⋯ button at the end of a row and its menu, fixed-positioned so a scrolling table never clips it.
 * Closes on Escape, a click outside, or when its button leaves the view or the page. While open it follows its
 * button: a list that refreshes underneath (rows added above, the browser's scroll anchoring) moves the menu with
 * the row instead of closing it or leaving it beside another row.
 */
export function PopupMenu({ label, buttonClass, testId, items }: { label: string; buttonClass?: string; testId: string; items: readonly PopupMenuItem[] }): ReactElement {
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const open = at !== null;

  useEffect(() => {
    if (!open) return undefined;
    const close = (e: Event): void => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof MouseEvent && e.target instanceof Node && (menu.current?.contains(e.target) || button.current?.contains(e.target))) return;
      setAt(null);
    };
    menu.current?.querySelector('button')?.focus();
    const kinds = ['mousedown', 'keydown'] as const;
    for (const k of kinds) window.addEventListener(k, close);
    // Once a frame: where the button is now. Out of view or detached closes; moved moves the menu.
    let frame = 0;
    const clips = clippingAncestors(button.current);
    const follow = (): void => {
      const el = button.current;
      const r = el?.getBoundingClientRect();
      if (!el?.isConnected || !r || !inView(r, clips)) {
        setAt(null);
        return;
      }
      const next = placeUnder(r);
      setAt((cur) => (cur && cur.top === next.top && cur.right === next.right ? cur : next));
      frame = requestAnimationFrame(follow);
    };
    frame = requestAnimationFrame(follow);
    return () => {
      for (const k of kinds) window.removeEventListener(k, close);
      cancelAnimationFrame(frame);
    };
  }, [open]);

  const toggle = (): void => {
    const r = button.current?.getBoundingClientRect();
    setAt(at || !r ? null : placeUnder(r));
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={buttonClass ? `icon-button ${buttonClass}` : 'icon-button'}
        aria-haspopup="menu"
        aria-expanded={at !== null}
        aria-label={label}
        data-testid={testId}
        onClick={toggle}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {at ? (
        <div ref={menu} className="menu" role="menu" style={{ top: at.top, right: at.right }}>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className={item.danger ? 'menu__item menu__item--danger' : 'menu__item'}
              disabled={item.disabledReason !== undefined}
              title={item.disabledReason}
              data-testid={item.testId}
              onClick={() => {
                setAt(null);
                item.onPick();
              }}
            >
              {item.icon}
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}
