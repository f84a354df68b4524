import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export interface PullThroughState {
  /** Pull through a prefix mirror. */
  on: boolean;
  prefix: string;
}

/**
 * "Through a prefix mirror": for registries other than Docker Hub (whose mirrors the engine applies itself), the
 * prefix saved on the Registries page is filled in; the user may type another or pull directly.
 */
export function PullThrough({ registry, saved, state, problem, onChange }: { registry: string; saved: string | undefined; state: PullThroughState; problem: string | null; onChange(next: PullThroughState): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <fieldset className="images-transfer-through" data-testid="pull-through">
      <label className="checkbox">
        <input type="checkbox" checked={state.on} onChange={(e) => onChange({ ...state, on: e.target.checked })} data-testid="pull-through-on" />
        <span>{t('imageTransfer.pull.through.label', { registry })}</span>
      </label>
      {state.on ? (
        <label className="field">
          <span className="field__label">{t('imageTransfer.pull.through.prefix')}</span>
          <input className="input mono" value={state.prefix} placeholder="m.daocloud.io" onChange={(e) => onChange({ ...state, prefix: e.target.value })} aria-invalid={problem !== null} data-testid="pull-through-prefix" />
          {problem ? <span className="field__hint field__hint--error">{problem}</span> : <span className="field__hint">{saved ? t('imageTransfer.pull.through.saved', { registry, prefix: saved }) : t('imageTransfer.pull.through.hint')}</span>}
        </label>
      ) : saved ? (
        <p className="field__hint">{t('imageTransfer.pull.through.direct', { registry, prefix: saved })}</p>
      ) : null}
    </fieldset>
  );
}
