import type { ReactElement } from 'react';
import type { DialogCodec } from '../../hooks/use-dialog-route';
import type { RemoveTarget } from '../../../../shared/image-remove';
import { LoadDialog } from './archive/LoadDialog';
import { SaveDialog } from './archive/SaveDialog';
import { BuildDialog } from './build/BuildDialog';
import { ImageDetails } from './details/ImageDetails';
import { isDetailsTab, type DetailsTab } from './details/DetailsTabs';
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
  | { kind: 'details'; image: string; tab?: DetailsTab }
  | { kind: 'format' };

/** The URL of each dialog that only asks (removal confirms are never addressable). */
export const IMAGES_DIALOG_CODEC: DialogCodec<ImagesDialog> = {
  keys: ['image', 'images', 'source', 'reference', 'tab'],
  encode(d) {
    switch (d.kind) {
      case 'pull':
      case 'build':
      case 'load':
      case 'format':
        return { dialog: d.kind };
      case 'save':
        return { dialog: d.kind, images: d.images.join(',') };
      case 'tag':
        return { dialog: d.kind, source: d.source.id, ...(d.source.reference ? { reference: d.source.reference } : {}) };
      case 'push':
        return { dialog: d.kind, reference: d.reference };
      case 'details':
        return { dialog: d.kind, image: d.image, ...(d.tab && d.tab !== 'overview' ? { tab: d.tab } : {}) };
      case 'remove':
        return null;
    }
  },
  decode(q) {
    switch (q.dialog) {
      case 'pull':
      case 'build':
      case 'load':
      case 'format':
        return { kind: q.dialog };
      case 'save':
        return q.images ? { kind: 'save', images: q.images.split(',').filter(Boolean) } : null;
      case 'tag':
        return q.source ? { kind: 'tag', source: { id: q.source, reference: q.reference ?? null } } : null;
      case 'push':
        return q.reference ? { kind: 'push', reference: q.reference } : null;
      case 'details':
        return q.image ? { kind: 'details', image: q.image, ...(isDetailsTab(q.tab) ? { tab: q.tab } : {}) } : null;
      default:
        return null;
    }
  },
};

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
    case 'format':
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
      return <ImageDetails key={dialog.image} image={dialog.image} initialTab={dialog.tab ?? 'overview'} onClose={close} onOpenImage={(id) => onOpen({ kind: 'details', image: id })} />;
  }
}
