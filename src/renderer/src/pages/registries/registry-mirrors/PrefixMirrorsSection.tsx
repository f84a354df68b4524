import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { MirrorPreset } from '../../../../../shared/mirror-presets';
import { PREFIX_SOURCE_REGISTRIES, checkPrefixMirrors, checkSourceRegistry, type PrefixMirror, type PrefixProblem } from '../../../../../shared/prefix-mirrors';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { useCall } from '../../../hooks/use-call';
import { presetText } from './PresetFacts';

interface Row {
  registry: string;
  prefix: string;
}

/** The known sources (Docker Hub has the engine's own mirrors) plus what was saved for others. */
function rowsOf(saved: readonly PrefixMirror[]): Row[] {
  const known: string[] = PREFIX_SOURCE_REGISTRIES.filter((r) => r !== 'docker.io');
  const registries = [...known, ...saved.map((p) => p.registry).filter((r) => !known.includes(r))];
  return registries.map((registry) => ({ registry, prefix: saved.find((p) => p.registry === registry)?.prefix ?? '' }));
}

/**
 * Prefix mirrors per registry: the engine's registry-mirrors serve Docker Hub only, so for ghcr.io, gcr.io, quay.io,
 * registry.k8s.io, mcr.microsoft.com and nvcr.io Wharf pulls `<prefix>/<registry>/…` and gives the image the name
 * asked for. Kept in Wharf's settings, not in daemon.json (the engine is not changed).
 */
export function PrefixMirrorsSection({ presets }: { presets: readonly MirrorPreset[] }): ReactElement {
  const { t, i18n } = useTranslation();
  const { data, error: loadError } = useCall('registryMirrors.prefixes', {});
  const [rows, setRows] = useState<Row[] | null>(null);
  const [seeded, setSeeded] = useState(data);
  if (data !== seeded) {
    setSeeded(data);
    if (data) setRows(rowsOf(data.prefixes));
  }
  const [added, setAdded] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<WharfErrorInfo | null>(null);

  if (loadError) return <ErrorNotice title={t('registryMirrors.prefixes.loadFailed')} error={loadError} />;
  if (!rows || !data) return <Spinner />;

  const filled = rows.filter((r) => r.prefix.trim() !== '');
  const checked = checkPrefixMirrors(filled);
  const problemAt = (registry: string): PrefixProblem | undefined => {
    if (!('problems' in checked)) return undefined;
    const index = filled.findIndex((r) => r.registry === registry);
    return checked.problems.find((p) => p.index === index)?.problem;
  };
  const addedCheck = added.trim() === '' ? undefined : checkSourceRegistry(added);
  const prefixPresets = presets.filter((p) => p.prefix !== undefined);

  const update = (registry: string, prefix: string): void => {
    setSaved(false);
    setRows(rows.map((r) => (r.registry === registry ? { ...r, prefix } : r)));
  };
  const fillFrom = (preset: MirrorPreset): void => {
    if (!preset.prefix) return;
    const { host, registries } = preset.prefix;
    setSaved(false);
    const existing = rows.map((r) => (registries.includes(r.registry) ? { ...r, prefix: host } : r));
    setRows([...existing, ...registries.filter((r) => !existing.some((e) => e.registry === r)).map((registry) => ({ registry, prefix: host }))]);
  };
  const addRegistry = (): void => {
    if (!addedCheck || !('value' in addedCheck) || rows.some((r) => r.registry === addedCheck.value)) return;
    setRows([...rows, { registry: addedCheck.value, prefix: '' }]);
    setAdded('');
  };
  const save = async (): Promise<void> => {
    setSaving(true);
    setSaveError(null);
    const envelope = await call('registryMirrors.savePrefixes', { prefixes: filled.map((r) => ({ registry: r.registry, prefix: r.prefix.trim() })) });
    setSaving(false);
    if (!envelope.ok) return setSaveError(envelope.error);
    setRows(rowsOf(envelope.value.prefixes));
    setSaved(true);
  };

  return (
    <section className="registry-mirrors card registry-prefixes" data-testid="registry-prefixes-section">
      <header className="registry-mirrors__head">
        <h2>{t('registryMirrors.prefixes.title')}</h2>
        <p className="muted">{t('registryMirrors.prefixes.intro')}</p>
      </header>
      {prefixPresets.length > 0 ? (
        <div className="registry-prefixes__presets">
          {prefixPresets.map((p) => (
            <button key={p.id} type="button" className="button button--secondary button--small" onClick={() => fillFrom(p)} data-testid={`registry-prefix-preset-${p.id}`}>
              {t('registryMirrors.prefixes.usePreset', { name: presetText(p.name, i18n.language), host: p.prefix?.host ?? '' })}
            </button>
          ))}
        </div>
      ) : null}
      <table className="table registry-prefixes__table">
        <thead>
          <tr>
            <th>{t('registryMirrors.prefixes.registry')}</th>
            <th>{t('registryMirrors.prefixes.prefix')}</th>
            <th>{t('registryMirrors.prefixes.example')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const problem = row.prefix.trim() === '' ? undefined : problemAt(row.registry);
            return (
              <tr key={row.registry} data-testid="registry-prefix-row" data-registry={row.registry}>
                <td>
                  <code className="mono">{row.registry}</code>
                </td>
                <td>
                  <input
                    className="input mono"
                    value={row.prefix}
                    placeholder={t('registryMirrors.prefixes.none')}
                    onChange={(e) => update(row.registry, e.target.value)}
                    aria-label={t('registryMirrors.prefixes.prefixFor', { registry: row.registry })}
                    aria-invalid={problem !== undefined}
                    data-testid="registry-prefix-input"
                  />
                  {problem ? <span className="field__hint registry-mirrors-entries__problem">{t(`registryMirrors.prefixProblem.${problem}`)}</span> : null}
                </td>
                <td className="faint mono registry-prefixes__example">{row.prefix.trim() !== '' && !problem ? `${row.prefix.trim()}/${row.registry}/org/app:1` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="registry-prefixes__add">
        <input className="input mono" value={added} onChange={(e) => setAdded(e.target.value)} placeholder="registry.example.com" aria-label={t('registryMirrors.prefixes.addRegistry')} aria-invalid={addedCheck !== undefined && 'problem' in addedCheck} data-testid="registry-prefix-add-input" />
        <button type="button" className="button button--secondary" disabled={!addedCheck || !('value' in addedCheck)} onClick={addRegistry}>
          {t('registryMirrors.prefixes.addRegistry')}
        </button>
        {addedCheck && 'problem' in addedCheck ? <span className="field__hint registry-mirrors-entries__problem">{t(`registryMirrors.prefixProblem.${addedCheck.problem}`)}</span> : null}
      </div>
      <footer className="registry-mirrors__footer">
        {saved ? <span className="muted" data-testid="registry-prefixes-saved">{t('registryMirrors.prefixes.saved', { file: data.file })}</span> : null}
        <button type="button" className="button button--primary" disabled={saving || 'problems' in checked} onClick={() => void save()} data-testid="registry-prefixes-save">
          {t('registryMirrors.prefixes.save')}
        </button>
      </footer>
      {saveError ? <ErrorNotice title={t('registryMirrors.prefixes.saveFailed')} error={saveError} /> : null}
    </section>
  );
}
