import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetails as Details } from '../../../../../shared/image-details';
import { imageSize } from '../../../../../shared/units';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import '../../../styles/images-details.css';
import { DetailsHistory } from './DetailsHistory';
import { DetailsInspect } from './DetailsInspect';
import { DetailsLayers } from './DetailsLayers';
import { DetailsOverview } from './DetailsOverview';
import { DetailsTabs, type DetailsTab } from './DetailsTabs';
import { inspectFacts, shortId } from './details-format';
import { useImageDetails } from './use-image-details';

export interface ImageDetailsProps {
  /** Full ID or a reference. */
  image: string;
  onClose(): void;
  /** Another image was picked (e.g. one that shares a layer): show its details instead. */
  onOpenImage(id: string): void;
  /** The section shown first (a link may ask for the layers). */
  initialTab?: DetailsTab;
}

/** The name in the title: the reference asked for when it is one of the tags, else the first tag. */
function titleOf(image: string, details: Details | null): string | null {
  if (!details) return /^sha256:/.test(image) ? null : image;
  return details.repoTags.includes(image) ? image : (details.repoTags[0] ?? details.repoDigests[0] ?? null);
}

/** `docker image inspect` and `docker history` in one place, with the layers drawn as the storage keeps them. */
export function ImageDetails({ image, initialTab = 'overview', onClose, onOpenImage }: ImageDetailsProps): ReactElement {
  const { t } = useTranslation();
  const { details, error, loading, reload } = useImageDetails(image);
  const [tab, setTab] = useState<DetailsTab>(initialTab);
  const title = titleOf(image, details) ?? t('imageDetails.untagged');
  const size = details ? inspectFacts(details.inspect).size : null;

  const subtitle = details ? (
    <span className="images-details__subtitle">
      <span className="mono">{shortId(details.id)}</span>
      {size !== null ? <span>{imageSize(size)}</span> : null}
      <span>{details.layers.length === 1 ? t('imageDetails.layerOne') : t('imageDetails.layersCount', { count: details.layers.length })}</span>
    </span>
  ) : null;

  return (
    <Dialog
      title={title}
      subtitle={subtitle}
      size="wide"
      testId="image-details"
      onClose={onClose}
      footer={
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <div className="images-details" data-testid="image-details-body" data-image-id={details?.id}>
        {error ? (
          <ErrorNotice title={t('imageDetails.loadFailed')} error={error} onRetry={reload} />
        ) : null}
        {details === null && loading ? <Spinner label={t('imageDetails.loading')} /> : null}
        {details ? (
          <>
            <DetailsTabs tab={tab} onTab={setTab} counts={{ layers: details.layers.length, history: details.history.length }} />
            <div className="images-details__panel" role="tabpanel" id={`image-details-panel-${tab}`} aria-labelledby={`image-details-tab-${tab}`}>
              {tab === 'overview' ? <DetailsOverview details={details} onOpenImage={onOpenImage} /> : null}
              {tab === 'layers' ? <DetailsLayers details={details} onOpenImage={onOpenImage} /> : null}
              {tab === 'history' ? <DetailsHistory details={details} reference={titleOf(image, details) ?? shortId(details.id)} /> : null}
              {tab === 'inspect' ? <DetailsInspect details={details} reference={titleOf(image, details) ?? shortId(details.id)} /> : null}
            </div>
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
