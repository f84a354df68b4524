import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerRow } from '../../../../shared/container-list';
import type { StopCountdown } from '../../../../shared/tasks';
import { containerStatusText } from '../../components/container-status';
import { Stopping } from './StoppingChip';

const TONE: Record<ContainerRow['state'], string> = {
  running: 'chip--success',
  paused: 'chip--warning',
  restarting: 'chip--warning',
  created: 'chip--muted',
  removing: 'chip--muted',
  exited: 'chip--muted',
  dead: 'chip--danger',
};

/**
 * The state as a chip, the health when there is a check, and the engine's status text in the user's language (in
 * English exactly as docker ps prints it; the engine's own words on hover).
 */
export function StatusCell({ row, stopping }: { row: ContainerRow; stopping?: StopCountdown | undefined }): ReactElement {
  const { t } = useTranslation();
  const exited = row.state === 'exited' ? /^Exited \((\d+)\)/.exec(row.status)?.[1] : undefined;
  const failed = exited !== undefined && exited !== '0';
  return (
    <span className="containers-status" title={row.status}>
      <span className={`chip ${failed ? 'chip--danger' : TONE[row.state]}`} data-testid="container-state" data-state={row.state}>
        {t(`containers.state.${row.state}`)}
        {exited !== undefined ? ` (${exited})` : ''}
      </span>
      {stopping && row.state !== 'exited' ? <Stopping stop={stopping} compact /> : null}
      {row.health ? (
        <span className={`chip ${row.health === 'healthy' ? 'chip--success' : row.health === 'unhealthy' ? 'chip--danger' : 'chip--warning'}`}>
          {t(`containers.health.${row.health}`)}
        </span>
      ) : null}
      <span className="containers-status__text faint ellipsis">{containerStatusText(t, row.status)}</span>
    </span>
  );
}
