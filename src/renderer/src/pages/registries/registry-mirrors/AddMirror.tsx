import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MIRROR_PRESETS, aliyunMirrorUrl, type MirrorPresetId } from '../../../../../shared/registry-mirrors';

/** Pick a preset (DaoCloud as is, Aliyun with the address pasted from its console, or any URL) and add it to the list. */
export function AddMirror({ onAdd }: { onAdd(url: string): void }): ReactElement {
  const { t } = useTranslation();
  const [presetId, setPresetId] = useState<MirrorPresetId>('daocloud');
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const preset = MIRROR_PRESETS.find((p) => p.id === presetId) ?? MIRROR_PRESETS[0];

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!preset) return;
    const url = preset.url ?? (preset.id === 'aliyun' ? aliyunMirrorUrl(text) : text.trim());
    if (url === undefined || url === '') {
      setInvalid(true);
      return;
    }
    onAdd(url);
    setText('');
    setInvalid(false);
  };

  return (
    <form className="registry-mirrors-add" onSubmit={submit} data-testid="registry-mirror-add">
      <div className="registry-mirrors-add__presets" role="radiogroup" aria-label={t('registryMirrors.mirrors.add')}>
        {MIRROR_PRESETS.map((p) => (
          <label key={p.id} className={`registry-mirrors-preset${p.id === presetId ? ' registry-mirrors-preset--selected' : ''}`} data-testid={`registry-preset-${p.id}`}>
            <input
              type="radio"
              name="registry-preset"
              value={p.id}
              checked={p.id === presetId}
              onChange={() => {
                setPresetId(p.id);
                setInvalid(false);
              }}
            />
            <span className="registry-mirrors-preset__name">{t(`registryMirrors.preset.${p.id}.name`)}</span>
            <code className="mono faint registry-mirrors-preset__url" title={p.urlPattern}>
              {p.urlPattern}
            </code>
          </label>
        ))}
      </div>
      {preset ? (
        <div className="registry-mirrors-add__detail">
          <p className="registry-mirrors-add__notes">{t(`registryMirrors.preset.${preset.id}.notes`)}</p>
          {preset.id !== 'custom' ? <p className="notice notice--warning registry-mirrors-add__limits">{t(`registryMirrors.preset.${preset.id}.limits`)}</p> : null}
          <div className="registry-mirrors-add__row">
            {preset.needsInput ? (
              <label className="field registry-mirrors-add__field">
                <span>{preset.id === 'aliyun' ? t('registryMirrors.preset.aliyun.label') : t('registryMirrors.preset.custom.label')}</span>
                <input
                  className="input mono"
                  value={text}
                  placeholder={preset.urlPattern}
                  onChange={(e) => {
                    setText(e.target.value);
                    setInvalid(false);
                  }}
                  data-testid="registry-mirror-input"
                  aria-invalid={invalid}
                />
                {invalid ? <span className="field__hint registry-mirrors-entries__problem">{preset.id === 'aliyun' ? t('registryMirrors.preset.aliyun.invalid') : t('registryMirrors.problem.empty')}</span> : null}
              </label>
            ) : null}
            <button type="submit" className="button button--secondary" data-testid="registry-mirror-add-button">
              {t('registryMirrors.mirrors.addButton')}
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
