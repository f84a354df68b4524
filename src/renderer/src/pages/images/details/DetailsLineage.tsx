import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetails, LineageImage } from '../../../../../shared/image-details';
import { shortId } from '../cli-text';

function ImageLink({ image, onOpenImage }: { image: LineageImage; onOpenImage(id: string): void }): ReactElement {
  const { t } = useTranslation();
  const name = image.ref ?? shortId(image.id);
  return (
    <button type="button" className={image.ref ? 'images-lineage__image' : 'images-lineage__image mono faint'} translate="no" title={t('imageDetails.layers.openImage', { image: name })} onClick={() => onOpenImage(image.id)} data-testid="image-lineage-link">
      {name}
    </button>
  );
}

/**
 * The build chain the legacy builder recorded: from the base to this image, what is built on it, and for an
 * untagged intermediate the tagged images it belongs to.
 */
export function DetailsLineage({ details, onOpenImage }: { details: ImageDetails; onOpenImage(id: string): void }): ReactElement {
  const { t } = useTranslation();
  const { ancestors, children, belongsTo } = details.lineage;
  const self = details.repoTags[0] ?? shortId(details.id);
  if (ancestors.length === 0 && children.length === 0) return <span className="muted">{t('imageDetails.lineage.none')}</span>;
  return (
    <div className="images-lineage" data-testid="image-details-lineage">
      {belongsTo.length > 0 && details.repoTags.length === 0 ? (
        <p className="images-lineage__owners" data-testid="image-lineage-owners">
          {t('imageDetails.lineage.belongsTo')}{' '}
          {belongsTo.map((o) => (
            <ImageLink key={o.id} image={o} onOpenImage={onOpenImage} />
          ))}
        </p>
      ) : null}
      <ol className="images-lineage__chain" aria-label={t('imageDetails.lineage.chain')} data-testid="image-lineage-chain">
        {ancestors.map((a) => (
          <li key={a.id}>
            <ImageLink image={a} onOpenImage={onOpenImage} />
          </li>
        ))}
        <li aria-current="true">
          <strong translate="no">{self}</strong>
        </li>
      </ol>
      {children.length > 0 ? (
        <p className="images-lineage__children">
          <span className="muted">{t('imageDetails.lineage.children')}</span>{' '}
          {children.map((c) => (
            <ImageLink key={c.id} image={c} onOpenImage={onOpenImage} />
          ))}
        </p>
      ) : null}
    </div>
  );
}
