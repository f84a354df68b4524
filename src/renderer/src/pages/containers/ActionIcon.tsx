import type { ReactElement } from 'react';
import type { ContainerAction } from '../../../../shared/container-list';
import { Icon, type IconName } from '../../components/Icon';

/** Glyphs the shared icon set lacks (stop, pause), drawn like it: 24×24 strokes. */
const OWN: Partial<Record<ContainerAction, string[]>> = {
  stop: ['M6 6h12v12H6z'],
  pause: ['M8 5v14', 'M16 5v14'],
};

const SHARED: Record<ContainerAction, IconName> = {
  start: 'play',
  stop: 'close',
  restart: 'retry',
  pause: 'close',
  unpause: 'play',
  kill: 'zap',
  remove: 'trash',
};

export function ActionIcon({ action, size = 15 }: { action: ContainerAction; size?: number }): ReactElement {
  const own = OWN[action];
  if (!own) return <Icon name={SHARED[action]} size={size} />;
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {own.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
