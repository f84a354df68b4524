import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { mirrorFromPattern, type MirrorPreset } from '../../../../../shared/mirror-presets';
import { PresetFacts, presetText } from './PresetFacts';

const CUSTOM = 'custom';

/**
 * Pick a preset (one with a fixed address as is, one with the user's own part such as Aliyun's accelerator id, or
 * any URL) and add it to the list. What each preset says (who may use it, its limits) comes with the preset list.
 */
export function AddMirror({ presets, onAdd }: { presets: readonly MirrorPreset[]; onAdd(url: string): void }): ReactElement {
  const { t, i18n } = useTranslation();
  const hubPresets = presets.filter((p) => p.hubMirror !== undefined || p.hubMirrorPattern !== undefined);
  const [presetId, setPresetId] = useState<string>(hubPresets[0]?.id ?? CUSTOM);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const preset = hubPresets.find((p) => p.id === presetId);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const url = preset ? (preset.hubMirror ?? (preset.hubMirrorPattern ? mirrorFromPattern(preset.hubMirrorPattern, text) : undefined)) : text.trim();
    if (url === undefined || url === '') {
      setInvalid(true);
      return;
    }
    onAdd(url);
    setText('');
    setInvalid(false);
  };
  const choose = (id: string): void => {
    setPresetId(id);
    setInvalid(false);
  };
  const needsInput = !preset || preset.hubMirror === undefined;

  return (
    <form className="registry-mirrors-add" onSubmit={submit} data-testid="registry-mirror-add">
      <div className="registry-mirrors-add__presets" role="radiogroup" aria-label={t('registryMirrors.mirrors.add')}>
        {hubPresets.map((p) => (
          <label key={p.id} className={`registry-mirrors-preset${p.id === presetId ? ' registry-mirrors-preset--selected' : ''}`} data-testid={`registry-preset-${p.id}`}>
            <input type="radio" name="registry-preset" value={p.id} checked={p.id === presetId} onChange={() => choose(p.id)} />
            <span className="registry-mirrors-preset__name">{presetText(p.name, i18n.language)}</span>
            {p.restricted ? <span className="chip chip--warning">{t('registryMirrors.presets.restricted')}</span> : null}
            <code className="mono faint registry-mirrors-preset__url" title={p.hubMirror ?? p.hubMirrorPattern}>
              {p.hubMirror ?? p.hubMirrorPattern}
            </code>
          </label>
        ))}
        <label className={`registry-mirrors-preset${presetId === CUSTOM ? ' registry-mirrors-preset--selected' : ''}`} data-testid="registry-preset-custom">
          <input type="radio" name="registry-preset" value={CUSTOM} checked={presetId === CUSTOM} onChange={() => choose(CUSTOM)} />
          <span className="registry-mirrors-preset__name">{t('registryMirrors.preset.custom.name')}</span>
          <code className="mono faint registry-mirrors-preset__url">https://mirror.example.com</code>
        </label>
      </div>
      <div className="registry-mirrors-add__detail">
        {preset ? <PresetFacts preset={preset} /> : <p className="registry-mirrors-add__notes">{t('registryMirrors.preset.custom.notes')}</p>}
        <div className="registry-mirrors-add__row">
          {needsInput ? (
            <label className="field registry-mirrors-add__field">
              <span>{preset ? t('registryMirrors.presets.yourPart') : t('registryMirrors.preset.custom.label')}</span>
              <input
                className="input mono"
                value={text}
                placeholder={preset?.hubMirrorPattern ?? 'https://mirror.example.com'}
                onChange={(e) => {
                  setText(e.target.value);
                  setInvalid(false);
                }}
                data-testid="registry-mirror-input"
                aria-invalid={invalid}
              />
              {invalid ? (
                <span className="field__hint registry-mirrors-entries__problem">
                  {preset?.hubMirrorPattern ? t('registryMirrors.presets.patternInvalid', { pattern: preset.hubMirrorPattern }) : t('registryMirrors.problem.empty')}
                </span>
              ) : null}
            </label>
          ) : null}
          <button type="submit" className="button button--secondary" data-testid="registry-mirror-add-button">
            {t('registryMirrors.mirrors.addButton')}
          </button>
        </div>
      </div>
    </form>
  );
}
