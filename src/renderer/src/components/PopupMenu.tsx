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

/**
 * The ⋯ button at the end of a row and its menu, fixed-positioned so a scrolling table never clips it.
 * Closes on Escape, a click outside, scrolling or resizing; the first item takes the focus when it opens.
 */
export function PopupMenu({ label, buttonClass, testId, items }: { label: string; buttonClass?: string; testId: string; items: readonly PopupMenuItem[] }): ReactElement {
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!at) return undefined;
    const close = (e: Event): void => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof MouseEvent && e.target instanceof Node && (menu.current?.contains(e.target) || button.current?.contains(e.target))) return;
      setAt(null);
    };
    menu.current?.querySelector('button')?.focus();
    const kinds = ['mousedown', 'keydown', 'resize'] as const;
    for (const k of kinds) window.addEventListener(k, close);
    window.addEventListener('scroll', close, true);
    return () => {
      for (const k of kinds) window.removeEventListener(k, close);
      window.removeEventListener('scroll', close, true);
    };
  }, [at]);

  const toggle = (): void => {
    const r = button.current?.getBoundingClientRect();
    setAt(at || !r ? null : { top: r.bottom + 4, right: window.innerWidth - r.right });
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
