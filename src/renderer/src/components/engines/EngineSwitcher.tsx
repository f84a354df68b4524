import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { engineColour, type EngineEntry } from '../../../../shared/engines';
import { usePopover } from '../../hooks/use-popover';
import { useEngineStore, engineNameOf } from '../../stores/engine-store';
import { useEnginesStore } from '../../stores/engines-store';
import { CommandBlock } from '../CommandBlock';
import { ErrorNotice } from '../ErrorNotice';
import { Icon } from '../Icon';
import { EngineDot } from './EngineDot';
import { EngineReach } from './EngineReach';
import { HostKeyPrompt } from './HostKeyPrompt';
import { EnginesDialog } from './EnginesDialog';

export const ENGINE_PANEL_ID = 'engine-switcher-panel';

function EngineRow({ engine, onUse, busy }: { engine: EngineEntry; onUse(): void; busy: boolean }): ReactElement {
  const { t } = useTranslation();
  const probe = useEnginesStore((s) => s.probes[engine.name]);
  return (
    <li>
      <button
        type="button"
        className={`engine-row${engine.inUse ? ' is-active' : ''}`}
        onClick={onUse}
        disabled={engine.inUse || busy}
        aria-current={engine.inUse ? 'true' : undefined}
        aria-label={engine.inUse ? engine.name : t('engines.use', { name: engine.name })}
        data-testid={`engine-row-${engine.name}`}
      >
        <EngineDot name={engine.name} />
        <span className="engine-row__main">
          <span className="engine-row__name">
            <strong translate="no">{engine.name}</strong>
            {engine.inUse ? <span className="chip chip--accent">{t('engines.inUse')}</span> : null}
            {engine.current ? (
              <span className="chip chip--muted" title={t('engines.cliCurrentTitle')}>
                {t('engines.cliCurrent')}
              </span>
            ) : null}
            {engine.found ? (
              <span className="chip" title={t('engines.foundTitle')}>
                {t('engines.found')}
              </span>
            ) : null}
            {engine.tls ? <span className="chip">{t('engines.tls')}</span> : null}
          </span>
          <span className="engine-row__endpoint mono">{engine.endpoint}</span>
          <EngineReach name={engine.name} error={engine.error} />
        </span>
      </button>
      {probe ? <HostKeyPrompt probe={probe} /> : null}
    </li>
  );
}

/**
 * The shell's engine switcher: the engine in use, by name and colour, on every page; its menu lists the docker
 * contexts, probes each when it opens (never on a timer) and switches Wharf live.
 */
export function EngineSwitcher(): ReactElement {
  const { t } = useTranslation();
  const status = useEngineStore((s) => s.status);
  const name = engineNameOf(status) ?? '…';
  const { list, listError, switching, switchError, open: openList, use: switchTo } = useEnginesStore();
  const { open, setOpen, container, button } = usePopover();
  const [alsoForCli, setAlsoForCli] = useState(false);
  const [manage, setManage] = useState(false);

  useEffect(() => {
    document.title = `${name} — Wharf`;
  }, [name]);

  // Probed when the menu opens, never on a timer.
  useEffect(() => {
    if (open) void openList();
  }, [open, openList]);

  const pick = async (engine: EngineEntry): Promise<void> => {
    if (await switchTo(engine.name, alsoForCli)) setOpen(false);
  };

  return (
    <div className="engine-switcher" ref={container}>
      <button
        ref={button}
        type="button"
        className={`engine-switcher__button engine-colour-${engineColour(name)}${open ? ' is-active' : ''}`}
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-controls={ENGINE_PANEL_ID}
        aria-label={t('engines.buttonLabel', { name })}
        data-testid="engine-switcher"
        data-engine={name}
      >
        <EngineDot name={name} />
        <span className="engine-switcher__label">
          <span className="engine-switcher__prefix">{t('engines.button')}</span>{' '}
          <span translate="no">{name}</span>
        </span>
        <Icon name="chevron-down" />
      </button>
      {open ? (
        <div className="popover-panel engine-panel" id={ENGINE_PANEL_ID} role="dialog" aria-label={t('engines.panelTitle')} data-testid="engine-panel">
          <div className="engine-panel__head">
            <h2>{t('engines.panelTitle')}</h2>
            <span className="muted">{t('engines.panelHint')}</span>
          </div>
          {listError ? <ErrorNotice title={t('engines.loadFailed')} error={listError} onRetry={() => void openList()} /> : null}
          <ul className="engine-panel__list">
            {(list?.engines ?? []).map((engine) => (
              <EngineRow key={engine.name} engine={engine} busy={switching !== null} onUse={() => void pick(engine)} />
            ))}
          </ul>
          {switching ? (
            <p className="engine-panel__note" role="status">
              {t('engines.switching', { name: switching })}
            </p>
          ) : null}
          {switchError ? <ErrorNotice title={t('engines.switchFailed', { name: '' })} error={switchError} /> : null}
          <div className="engine-panel__foot">
            <label className="checkbox">
              <input type="checkbox" checked={alsoForCli} onChange={(e) => setAlsoForCli(e.target.checked)} data-testid="engine-also-for-cli" />
              <span>{t('engines.alsoForCli')}</span>
            </label>
            {alsoForCli ? (
              <div className="engine-panel__command">
                <span className="field__hint">{t('engines.alsoForCliCommand')}</span>
                <CommandBlock commands={[{ command: 'docker context use NAME' }]} />
              </div>
            ) : null}
            {list?.cliOverride ? <p className="field__hint">{t(`engines.cliOverride.${list.cliOverride}`)}</p> : null}
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                setOpen(false);
                setManage(true);
              }}
              data-testid="engine-manage"
            >
              <Icon name="settings" />
              <span>{t('engines.manage')}</span>
            </button>
          </div>
        </div>
      ) : null}
      {manage ? (
        <EnginesDialog
          onClose={() => setManage(false)}
        />
      ) : null}
    </div>
  );
}
