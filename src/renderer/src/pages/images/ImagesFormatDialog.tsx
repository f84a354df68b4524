import { useCallback, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageListInput } from '../../../../shared/images';
import { call } from '../../api';
import { FormatDialog } from '../../components/format/FormatDialog';
import { listCommand, shownCommand } from './image-command';

/** `docker image ls --format` examples: the "Docker实践" post's own, a table, and JSON lines. Code, not UI text. */
const PRESETS = ['{{.ID}}: {{.Repository}}', 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.Size}}', '{{.Repository}}:{{.Tag}}', 'json'];
const FIELDS = ['ID', 'Repository', 'Tag', 'Digest', 'CreatedSince', 'CreatedAt', 'Size', 'Containers', 'SharedSize', 'UniqueSize'];

/** The page's list (its filters, -a and --digests) through a `docker image ls --format` template. */
export function ImagesFormatDialog({ input, digests, onClose }: { input: ImageListInput; digests: boolean; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const render = useCallback((format: string) => call('images.format', { filters: input.filters, all: input.all, digests, format }), [input, digests]);
  return <FormatDialog title={t('format.imagesTitle')} argv={shownCommand(listCommand(input), digests)} presets={PRESETS} fields={FIELDS} render={render} onClose={onClose} />;
}
