import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { shellQuote } from '../../../../shared/shell-quote';
import { CommandBlock } from '../../components/CommandBlock';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { useCall } from '../../hooks/use-call';

type Images = 'none' | 'local' | 'all';

/**
 * `docker compose down`, previewed by compose itself (`--dry-run`): what goes, with -v and --rmi as separate choices,
 * off by default; images other containers use are marked as kept.
 */
export function DownDialog({ project, onClose, onDown }: { project: string; onClose(): void; onDown(choice: { volumes: boolean; images: Images }): void }): ReactElement {
  const { t } = useTranslation();
  const [volumes, setVolumes] = useState(false);
  const [images, setImages] = useState<Images>('none');
  const preview = useCall('compose.downPreview', { project, volumes, images });
  const p = preview.data;
  const groups: Array<[string, string[]]> = p
    ? [
        [t('compose.down.containers'), p.containers],
        [t('compose.down.networks'), p.networks],
        [t('compose.down.volumesList'), p.volumes],
        [t('compose.down.imagesList'), p.images],
      ]
    : [];
  const nothing = p !== undefined && groups.every(([, names]) => names.length === 0);
  const footer = (
    <>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button type="button" className="button button--danger" disabled={preview.loading || !p} onClick={() => onDown({ volumes, images })} data-testid="compose-down-confirm">
        {t('compose.down.confirm')}
      </button>
    </>
  );
  return (
    <Dialog title={t('compose.down.title', { project })} subtitle={t('compose.down.intro')} onClose={onClose} footer={footer} testId="compose-down-dialog">
      <div className="compose-down">
        <label className="checkbox">
          <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} data-testid="compose-down-volumes" />
          <span>{t('compose.down.volumes')}</span>
        </label>
        <label className="field">
          <span className="field__label">{t('compose.down.images')}</span>
          <select className="select" value={images} onChange={(e) => setImages(e.target.value as Images)} data-testid="compose-down-images">
            <option value="none">{t('compose.down.imagesNone')}</option>
            <option value="local">{t('compose.down.imagesLocal')}</option>
            <option value="all">{t('compose.down.imagesAll')}</option>
          </select>
        </label>
        <h4>{t('compose.down.goes')}</h4>
        {preview.error ? <ErrorNotice title={t('compose.down.previewFailed')} error={preview.error} /> : null}
        {preview.loading && !p ? <Spinner /> : null}
        {nothing ? <p className="muted">{t('compose.down.nothing')}</p> : null}
        <dl className="compose-down__groups" data-testid="compose-down-preview">
          {groups
            .filter(([, names]) => names.length > 0)
            .map(([label, names]) => (
              <div key={label} className="compose-down__group">
                <dt>{label}</dt>
                {names.map((name) => (
                  <dd key={name} className="mono" translate="no" data-testid="compose-down-item">
                    {name}
                    {p?.imagesInUseElsewhere.includes(name) ? <span className="chip chip--muted compose-down__kept">{t('compose.down.keptInUse')}</span> : null}
                  </dd>
                ))}
              </div>
            ))}
        </dl>
        {p ? <CommandBlock commands={[{ command: shellQuote(p.command) }]} testId="compose-down-command" /> : null}
      </div>
    </Dialog>
  );
}
