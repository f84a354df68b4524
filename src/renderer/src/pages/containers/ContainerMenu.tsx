import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerAction, ContainerRow } from '../../../../shared/container-list';
import { Icon } from '../../components/Icon';
import { ActionIcon } from './ActionIcon';
import { actionsFor, isDestructive } from './container-actions';

/** The ⋯ menu of a row: details, then what the container's state allows (fixed-positioned, never clipped). */
export function ContainerMenu({ row, onAction, onDetails }: { row: ContainerRow; onAction(action: ContainerAction): void; onDetails(): void }): ReactElement {
  const { t } = useTranslation();
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!at) return undefined;
    const onEvent = (e: Event): void => {
      const inside = e.target instanceof Node && (menu.current?.contains(e.target) || button.current?.contains(e.target));
      if ((e.type === 'keydown' && (e as KeyboardEvent).key !== 'Escape') || (e.type === 'mousedown' && inside)) return;
      setAt(null);
    };
    menu.current?.querySelector('button')?.focus();
    const kinds = ['mousedown', 'keydown', 'resize'] as const;
    for (const k of kinds) window.addEventListener(k, onEvent);
    window.addEventListener('scroll', onEvent, true);
    return () => {
      for (const k of kinds) window.removeEventListener(k, onEvent);
      window.removeEventListener('scroll', onEvent, true);
    };
  }, [at]);

  const open = (): void => {
    const r = button.current?.getBoundingClientRect();
    setAt(at || !r ? null : { top: r.bottom + 4, right: window.innerWidth - r.right });
  };
  const pick = (run: () => void): void => {
    setAt(null);
    run();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button ctr-menu-button"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        aria-label={t('containers.actions.menuLabel', { name: row.name })}
        data-testid="container-actions"
        onClick={open}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {at ? (
        <div ref={menu} className="menu" role="menu" style={{ top: at.top, right: at.right }}>
          <button type="button" role="menuitem" className="menu__item" data-testid="container-action-details" onClick={() => pick(onDetails)}>
            <Icon name="info" size={15} />
            {t('containers.actions.details')}
          </button>
          {actionsFor(row.state).map((action) => (
            <button
              key={action}
              type="button"
              role="menuitem"
              className={isDestructive(action) && action !== 'stop' ? 'menu__item menu__item--danger' : 'menu__item'}
              data-testid={`container-action-${action}`}
              onClick={() => pick(() => onAction(action))}
            >
              <ActionIcon action={action} />
              {t(`containers.actions.${action}`)}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}
