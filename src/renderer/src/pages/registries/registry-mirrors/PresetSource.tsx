import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { MirrorPresets } from '../../../../../shared/mirror-presets';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';

/**
 * Where the presets come from: the list Wharf ships, or a newer one the user loads from a file or a URL (Wharf never
 * fetches one by itself; the mirror landscape changes, and the list says when its facts were checked).
 */
export function PresetSource({ presets, onChanged }: { presets: MirrorPresets; onChanged(next: MirrorPresets): void }): ReactElement {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [open, setOpen] = useState(false);

  const load = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const envelope = await call('registryMirrors.loadPresets', { from: from.trim() });
    setBusy(false);
    if (!envelope.ok) return setError(envelope.error);
    setFrom('');
    setOpen(false);
    onChanged(envelope.value);
  };
  const reset = async (): Promise<void> => {
    const envelope = await call('registryMirrors.resetPresets', {});
    if (envelope.ok) onChanged(envelope.value);
    else setError(envelope.error);
  };
  const source = presets.source;

  return (
    <div className="registry-mirrors-preset-source" data-testid="registry-preset-source">
      <span className="faint">
        {source.kind === 'built-in' ? t('registryMirrors.presets.sourceBuiltIn') : t('registryMirrors.presets.sourceLoaded', { from: source.from, date: new Date(source.loadedAt).toLocaleDateString() })}
      </span>
      {source.kind !== 'built-in' ? (
        <button type="button" className="button button--ghost button--small" onClick={() => void reset()} data-testid="registry-preset-reset">
          {t('registryMirrors.presets.reset')}
        </button>
      ) : null}
      <button type="button" className="button button--ghost button--small" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="registry-preset-load-open">
        {t('registryMirrors.presets.load')}
      </button>
      {open ? (
        <form className="registry-mirrors-preset-source__form" onSubmit={(e) => void load(e)}>
          <label className="field">
            <span className="field__label">{t('registryMirrors.presets.from')}</span>
            <input className="input mono" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="/home/you/wharf-presets.json  https://…" data-testid="registry-preset-from" />
            <span className="field__hint">{t('registryMirrors.presets.fromHint')}</span>
          </label>
          <button type="submit" className="button button--secondary" disabled={busy || from.trim() === ''} data-testid="registry-preset-load">
            {t('registryMirrors.presets.loadButton')}
          </button>
        </form>
      ) : null}
      {error ? <ErrorNotice title={t('registryMirrors.presets.loadFailed')} error={error} /> : null}
    </div>
  );
}
