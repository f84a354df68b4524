import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDiskUsage, ImageRow } from '../../../../shared/images';
import { CopyButton } from '../../components/CopyButton';
import { idsText, jsonText, tableText } from './cli-text';

export interface ImagesExportProps {
  /** The rows as shown: searched and sorted. */
  rows: readonly ImageRow[];
  digests: boolean;
  usage: ImageDiskUsage | null;
  /** Opens the `--format` dialog. */
  onFormat(): void;
}

/** Copy what the table shows: IDs like `-q`, the CLI's table text, JSON, or the list through a `--format` template. */
export function ImagesExport({ rows, digests, usage, onFormat }: ImagesExportProps): ReactElement {
  const { t } = useTranslation();
  const empty = rows.length === 0;
  return (
    <div className="images-export" role="group" aria-label={t('images.export.label')}>
      <CopyButton label={t('images.export.ids')} title={t('images.export.idsTitle')} testId="images-copy-ids" text={() => idsText(rows)} disabled={empty} />
      <CopyButton
        label={t('images.export.table')}
        title={t('images.export.tableTitle')}
        testId="images-copy-table"
        text={() => tableText(rows, digests, Date.now())}
        disabled={empty}
      />
      <CopyButton label={t('images.export.json')} title={t('images.export.jsonTitle')} testId="images-copy-json" text={() => jsonText(rows, usage)} disabled={empty} />
      <button type="button" className="button button--small button--subtle" title={t('format.openTitle')} onClick={onFormat} data-testid="images-format">
        {t('format.open')}
      </button>
    </div>
  );
}
