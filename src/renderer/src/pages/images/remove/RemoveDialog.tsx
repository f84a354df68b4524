import type { ReactElement } from 'react';
import type { RemoveTarget } from '../../../../../shared/image-remove';
import { Dialog } from '../../../components/Dialog';

/** Placeholder until the feature lands (replaced in this session). */
export function RemoveDialog({ onClose }: { target: RemoveTarget; onClose(): void; onStarted(): void }): ReactElement {
  return (
    <Dialog title="RemoveDialog" onClose={onClose}>
      <p>…</p>
    </Dialog>
  );
}
