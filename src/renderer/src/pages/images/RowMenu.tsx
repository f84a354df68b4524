import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRow } from '../../../../shared/images';
import { Icon, type IconName } from '../../components/Icon';
import type { ImagesDialog } from './ImagesDialogs';
import { rowReference, rowTagged } from './row-reference';

interface MenuItem {
  id: 'details' | 'tag' | 'push' | 'save' | 'remove';
  icon: IconName;
  dialog: ImagesDialog | null;
  danger?: boolean;
}

function menuItems(row: ImageRow): MenuItem[] {
  const reference = rowReference(row);
  const tagged = rowTagged(row);
  return [
    { id: 'details', icon: 'info', dialog: { kind: 'details', image: row.id } },
    { id: 'tag', icon: 'tag', dialog: { kind: 'tag', source: { id: row.id, reference: tagged } } },
    { id: 'push', icon: 'upload', dialog: tagged ? { kind: 'push', reference: tagged } : null },
    { id: 'save', icon: 'save', dialog: { kind: 'save', images: [reference] } },
    { id: 'remove', icon: 'trash', dialog: { kind: 'remove', target: { refs: [reference] } }, danger: true },
  ];
}

/** The ⋯ button at the end of a row and its menu (fixed-positioned so the scrolling table never clips it). */
export function RowMenu({ row, onOpen }: { row: ImageRow; onOpen(dialog: ImagesDialog): void }): ReactElement {
  const { t } = useTranslation();
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!at) return undefined;
    const close = (e: Event): void => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof MouseEvent && (menu.current?.contains(e.target as Node) || button.current?.contains(e.target as Node))) return;
      setAt(null);
    };
    menu.current?.querySelector('button')?.focus();
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    window.addEventListener('scroll', close, true);
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
      window.removeEventListener('scroll', close, true);
      window.removeEventListener('resize', close);
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
        className="icon-button images-row-menu"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        aria-label={t('images.actions.menuLabel', { image: rowReference(row) })}
        data-testid="image-actions"
        onClick={toggle}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {at ? (
        <div ref={menu} className="menu" role="menu" style={{ top: at.top, right: at.right }}>
          {menuItems(row).map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className={item.danger ? 'menu__item menu__item--danger' : 'menu__item'}
              disabled={item.dialog === null}
              title={item.dialog === null ? t('images.actions.pushNeedsTag') : undefined}
              data-testid={`image-action-${item.id}`}
              onClick={() => {
                setAt(null);
                if (item.dialog) onOpen(item.dialog);
              }}
            >
              <Icon name={item.icon} size={15} />
              {t(`images.actions.${item.id}`)}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}
