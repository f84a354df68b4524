import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetails, SharingImage } from '../../../../../shared/image-details';
import { imageSize } from '../../../../../shared/units';
import { Icon } from '../../../components/Icon';
import { shortId, type Step } from './details-format';
import { layerStack, sharedTotals, sortSharing, type StackEntry } from './layer-stack';

/** How many sharing images a layer names before "+N more". */
const NAMED = 4;

function StepText({ step, createdBy }: { step: Step; createdBy: string }): ReactElement {
  return (
    <span className="images-layer__step" title={createdBy || step.rest}>
      {step.keyword ? <span className="images-layer__keyword">{step.keyword}</span> : null}
      <span className="mono">{step.rest}</span>
    </span>
  );
}

function SharedWith({ images, onOpenImage }: { images: SharingImage[]; onOpenImage(id: string): void }): ReactElement {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const sorted = sortSharing(images);
  const shown = all ? sorted : sorted.slice(0, NAMED);
  return (
    <div className="images-layer__shared">
      <span className="images-layer__shared-label">
        {images.length === 1 ? t('imageDetails.layers.sharedWithOne') : t('imageDetails.layers.sharedWith', { count: images.length })}
      </span>
      {shown.map((img) => (
        <button
          key={img.id}
          type="button"
          className="images-layer__image"
          title={t('imageDetails.layers.openImage', { image: img.ref ?? shortId(img.id) })}
          data-testid="image-layer-shared-image"
          onClick={() => onOpenImage(img.id)}
        >
          {img.ref ?? <span className="mono">{shortId(img.id)}</span>}
        </button>
      ))}
      {sorted.length > shown.length ? (
        <button type="button" className="images-layer__more" onClick={() => setAll(true)}>
          {t('imageDetails.layers.more', { count: sorted.length - shown.length })}
        </button>
      ) : null}
    </div>
  );
}

function LayerRow({ entry, onOpenImage }: { entry: Extract<StackEntry, { kind: 'layer' }>; onOpenImage(id: string): void }): ReactElement {
  const { t } = useTranslation();
  const shared = entry.sharedWith.length > 0;
  return (
    <li className={shared ? 'images-layer images-layer--shared' : 'images-layer'} data-testid="image-layer" data-index={entry.index} data-shared={entry.sharedWith.length}>
      <span className="images-layer__index" title={entry.diffId}>
        {entry.index + 1}
      </span>
      <div className="images-layer__main">
        {entry.step && entry.createdBy !== null ? <StepText step={entry.step} createdBy={entry.createdBy} /> : (
          <span className="images-layer__step" title={entry.diffId}>
            <span className="images-layer__keyword">{t('imageDetails.layers.diffId')}</span>
            <span className="mono">{shortId(entry.diffId)}</span>
          </span>
        )}
        {shared ? <SharedWith images={entry.sharedWith} onOpenImage={onOpenImage} /> : <div className="images-layer__own faint">{t('imageDetails.layers.onlyHere')}</div>}
      </div>
      <span className="images-layer__size">{entry.size !== null ? imageSize(entry.size) : ''}</span>
    </li>
  );
}

/** The union filesystem as the storage driver keeps it: read-only layers stacked on the base, top first. */
export function DetailsLayers({ details, onOpenImage }: { details: ImageDetails; onOpenImage(id: string): void }): ReactElement {
  const { t } = useTranslation();
  const stack = layerStack(details);
  const totals = sharedTotals(details);

  return (
    <div className="images-details__layers">
      <div className="images-layers-intro">
        <p className="images-layers-intro__summary" data-testid="image-layers-summary">
          {t('imageDetails.layers.summary', { shared: totals.sharedLayers, total: details.layers.length })}
          {details.historyMatched ? (
            <span className="muted"> {t('imageDetails.layers.sizes', { shared: imageSize(totals.shared), own: imageSize(totals.own) })}</span>
          ) : null}
        </p>
        <ul className="images-layers-legend">
          <li>
            <span className="images-layers-legend__swatch images-layers-legend__swatch--shared" aria-hidden="true" />
            {t('imageDetails.layers.legendShared')}
          </li>
          <li>
            <span className="images-layers-legend__swatch" aria-hidden="true" />
            {t('imageDetails.layers.legendOwn')}
          </li>
          {details.historyMatched ? (
            <li>
              <span className="images-layers-legend__swatch images-layers-legend__swatch--meta" aria-hidden="true" />
              {t('imageDetails.layers.legendMeta')}
            </li>
          ) : null}
        </ul>
      </div>
      {!details.historyMatched && details.layers.length > 0 ? (
        <div className="notice notice--info" data-testid="image-layers-unmatched">
          <Icon name="info" />
          <div className="notice__body">{t('imageDetails.layers.notMatched')}</div>
        </div>
      ) : null}
      {details.layers.length === 0 ? <p className="muted">{t('imageDetails.layers.none')}</p> : null}
      <div className="images-layer-stack__edge">{t('imageDetails.layers.top')}</div>
      <ol className="images-layer-stack" data-testid="image-layers">
        {stack.map((entry) =>
          entry.kind === 'layer' ? (
            <LayerRow key={`layer-${entry.index}`} entry={entry} onOpenImage={onOpenImage} />
          ) : (
            <li key={entry.key} className="images-layer-meta" data-testid="image-layer-meta">
              <StepText step={entry.step} createdBy={entry.createdBy} />
            </li>
          ),
        )}
      </ol>
      <div className="images-layer-stack__edge images-layer-stack__edge--base">{t('imageDetails.layers.base')}</div>
    </div>
  );
}
