import type { ReactElement } from 'react';
import type { RemoveTarget } from '../../../../shared/image-remove';
import { LoadDialog } from './archive/LoadDialog';
import { SaveDialog } from './archive/SaveDialog';
import { BuildDialog } from './build/BuildDialog';
import { ImageDetails } from './details/ImageDetails';
import { RemoveDialog } from './remove/RemoveDialog';
import { PullDialog } from './transfer/PullDialog';
import { PushDialog } from './transfer/PushDialog';
import { TagDialog } from './transfer/TagDialog';

/** The one dialog the Images page shows at a time. */
export type ImagesDialog =
  | { kind: 'pull' }
  | { kind: 'build' }
  | { kind: 'load' }
  | { kind: 'save'; images: string[] }
  | { kind: 'tag'; source: { id: string; reference: string | null } }
  | { kind: 'push'; reference: string }
  | { kind: 'remove'; target: RemoveTarget }
  | { kind: 'details'; image: string };

export interface ImagesDialogsProps {
  dialog: ImagesDialog | null;
  onOpen(dialog: ImagesDialog | null): void;
  /** A build finished: select its image in the list. */
  onBuilt(id: string): void;
  /** A removal was started: the selection is done with. */
  onRemoving(): void;
}

export function ImagesDialogs({ dialog, onOpen, onBuilt, onRemoving }: ImagesDialogsProps): ReactElement | null {
  const close = (): void => onOpen(null);
  switch (dialog?.kind) {
    case undefined:
      return null;
    case 'pull':
      return <PullDialog onClose={close} />;
    case 'build':
      return <BuildDialog onClose={close} onBuilt={onBuilt} />;
    case 'load':
      return <LoadDialog onClose={close} />;
    case 'save':
      return <SaveDialog images={dialog.images} onClose={close} />;
    case 'tag':
      return <TagDialog source={dialog.source} onClose={close} />;
    case 'push':
      return <PushDialog reference={dialog.reference} onClose={close} />;
    case 'remove':
      return <RemoveDialog target={dialog.target} onClose={close} onStarted={onRemoving} />;
    case 'details':
      return <ImageDetails key={dialog.image} image={dialog.image} onClose={close} onOpenImage={(id) => onOpen({ kind: 'details', image: id })} />;
  }
}
