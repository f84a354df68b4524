import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TerminalPanel } from '../../components/terminal/TerminalPanel';

/** `docker compose exec SERVICE sh`: the shared terminal, in the service's container. */
export function ExecDialog({ containerId, name, onClose }: { containerId: string; name: string; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <Dialog title={t('compose.exec.title', { name })} onClose={onClose} size="wide" testId="compose-exec-dialog">
      <TerminalPanel containerId={containerId} />
    </Dialog>
  );
}
