import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerAction, ContainerRow } from '../../../../shared/container-list';
import { Icon } from '../../components/Icon';
import { PopupMenu, type PopupMenuItem } from '../../components/PopupMenu';
import { ActionIcon } from './ActionIcon';
import { actionsFor, isDestructive } from './container-actions';

/** The ⋯ menu of a row: details, then what the container's state allows. */
export function ContainerMenu({ row, onAction, onDetails }: { row: ContainerRow; onAction(action: ContainerAction): void; onDetails(): void }): ReactElement {
  const { t } = useTranslation();
  const items: PopupMenuItem[] = [
    { id: 'details', label: t('containers.actions.details'), icon: <Icon name="info" size={15} />, onPick: onDetails, testId: 'container-action-details' },
    ...actionsFor(row.state).map((action) => ({
      id: action,
      label: t(`containers.actions.${action}`),
      icon: <ActionIcon action={action} />,
      onPick: () => onAction(action),
      danger: isDestructive(action) && action !== 'stop',
      testId: `container-action-${action}`,
    })),
  ];
  return <PopupMenu label={t('containers.actions.menuLabel', { name: row.name })} buttonClass="containers-menu-button" testId="container-actions" items={items} />;
}
