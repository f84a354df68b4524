import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetails } from '../../../../../shared/image-details';
import { imageSize } from '../../../../../shared/units';
import { CommandBlock } from '../../../components/CommandBlock';
import { CreatedCell } from '../../../components/CreatedCell';
import { shortId } from './details-format';

/** `docker history`: one row per build step, newest first, with the CLI's columns. */
export function DetailsHistory({ details, reference }: { details: ImageDetails; reference: string }): ReactElement {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  // Relative times as of opening, like the CLI's output at the moment it ran.
  const [nowMs] = useState(() => Date.now());

  return (
    <div className="images-details__history">
      <div className="images-details__bar">
        <CommandBlock commands={[{ command: `docker history ${full ? '--no-trunc ' : ''}${reference}` }]} />
        <label className="images-details__toggle">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} data-testid="image-history-full" />
          {t('imageDetails.history.full')}
        </label>
      </div>
      <div className="table-wrap">
        <table className="table images-history" data-testid="image-history">
          <thead>
            <tr>
              <th>{t('imageDetails.history.image')}</th>
              <th>{t('imageDetails.history.created')}</th>
              <th>{t('imageDetails.history.createdBy')}</th>
              <th className="num">{t('imageDetails.history.size')}</th>
              <th>{t('imageDetails.history.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {details.history.map((row, i) => (
              <tr key={`${row.id}-${i}`} data-testid="image-history-row" className={row.layerIndex === null && details.historyMatched ? 'is-meta' : undefined}>
                <td className="mono images-history__id" title={row.id}>
                  {full ? row.id : shortId(row.id)}
                </td>
                <td className="images-history__created">
                  <CreatedCell created={row.created} nowMs={nowMs} />
                </td>
                <td className={full ? 'mono images-history__by is-full' : 'mono images-history__by'} title={full ? undefined : row.createdBy}>
                  {row.createdBy}
                </td>
                <td className="num">{imageSize(row.size)}</td>
                <td className="images-history__comment">{row.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
