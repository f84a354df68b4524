import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageRow } from '../../../../shared/images';
import { Icon, type IconName } from '../../components/Icon';
import { PopupMenu, type PopupMenuItem } from '../../components/PopupMenu';
import type { ImagesDialog } from './ImagesDialogs';
import { rowReference, rowTagged } from './row-reference';

interface MenuItem {
  id: 'details' | 'tag' | 'push' | 'save' | 'remove';
  icon: IconName;
  dialog: ImagesDialog | null;
  danger?: boolean;
}

function menuItems(row: ImageRow): MenuItem[] {
  const reference = rowReference(row);
  const tagged = rowTagged(row);
  return [
    { id: 'details', icon: 'info', dialog: { kind: 'details', image: row.id } },
    { id: 'tag', icon: 'tag', dialog: { kind: 'tag', source: { id: row.id, reference: tagged } } },
    { id: 'push', icon: 'upload', dialog: tagged ? { kind: 'push', reference: tagged } : null },
    { id: 'save', icon: 'save', dialog: { kind: 'save', images: [reference] } },
    { id: 'remove', icon: 'trash', dialog: { kind: 'remove', target: { refs: [reference] } }, danger: true },
  ];
}

/** The ⋯ menu at the end of a row: details, tag, push, save, remove. */
export function RowMenu({ row, onOpen }: { row: ImageRow; onOpen(dialog: ImagesDialog): void }): ReactElement {
  const { t } = useTranslation();
  const items: PopupMenuItem[] = menuItems(row).map(({ id, icon, dialog, danger }) => ({
    id,
    label: t(`images.actions.${id}`),
    icon: <Icon name={icon} size={15} />,
    onPick: () => {
      if (dialog) onOpen(dialog);
    },
    ...(danger ? { danger } : {}),
    ...(dialog === null ? { disabledReason: t('images.actions.pushNeedsTag') } : {}),
    testId: `image-action-${id}`,
  }));
  return <PopupMenu label={t('images.actions.menuLabel', { image: rowReference(row) })} buttonClass="images-row-menu" testId="image-actions" items={items} />;
}
