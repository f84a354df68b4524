import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { LogViewer } from '../../components/logs/LogViewer';

/** The project's logs merged (each line with its container), or one service's, in the shared log viewer. */
export function LogsDialog({ project, service, onClose }: { project: string; service?: string; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const name = service ? `${project} / ${service}` : `${project} (${t('compose.logs.all')})`;
  return (
    <Dialog title={t('compose.logs.title', { name })} onClose={onClose} size="wide" testId="compose-logs-dialog">
      <LogViewer target={{ kind: 'compose', project, ...(service ? { services: [service] } : {}) }} name={service ? `${project}-${service}` : project} />
    </Dialog>
  );
}
