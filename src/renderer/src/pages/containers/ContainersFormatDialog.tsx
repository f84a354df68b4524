import { useCallback, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { FormatDialog } from '../../components/format/FormatDialog';

/** `docker ps --format` examples; code, not UI text. */
const PRESETS = ['table {{.Names}}\\t{{.Status}}\\t{{.Ports}}', '{{.ID}}: {{.Names}}', 'table {{.Names}}\\t{{.Image}}\\t{{.Size}}', 'json'];
const FIELDS = ['ID', 'Names', 'Image', 'Command', 'CreatedAt', 'RunningFor', 'Ports', 'State', 'Status', 'Size', 'Labels', 'Mounts', 'Networks'];

/** The containers list (running, or all with -a, as the page shows) through a `docker ps --format` template. */
export function ContainersFormatDialog({ all, onClose }: { all: boolean; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const render = useCallback((format: string) => call('containers.format', { all, format }), [all]);
  return <FormatDialog title={t('format.containersTitle')} argv={['docker', 'ps', ...(all ? ['-a'] : [])]} presets={PRESETS} fields={FIELDS} render={render} onClose={onClose} />;
}
