import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageListInput } from '../../../../shared/images';
import { Icon } from '../../components/Icon';
import type { ImagesDialog } from './ImagesDialogs';

/** The page's own actions: what adds images (pull, build, load/import) and what removes the listed ones. */
export function ImagesToolbar({ input, listed, onOpen }: { input: ImageListInput; listed: number; onOpen(dialog: ImagesDialog): void }): ReactElement {
  const { t } = useTranslation();
  const filtered = Object.keys(input.filters).length > 0;
  return (
    <div className="images-toolbar">
      <button type="button" className="button button--primary" data-testid="images-pull" onClick={() => onOpen({ kind: 'pull' })}>
        <Icon name="download" size={16} />
        {t('images.actions.pull')}
      </button>
      <button type="button" className="button button--secondary" data-testid="images-build" onClick={() => onOpen({ kind: 'build' })}>
        <Icon name="hammer" size={16} />
        {t('images.actions.build')}
      </button>
      <button type="button" className="button button--secondary" data-testid="images-load" onClick={() => onOpen({ kind: 'load' })}>
        <Icon name="upload" size={16} />
        {t('images.actions.load')}
      </button>
      <span className="images-filters__spacer" />
      {filtered && listed > 0 ? (
        <button
          type="button"
          className="button button--subtle button--danger-text"
          data-testid="images-remove-filtered"
          title={t('images.actions.removeFilteredTitle')}
          onClick={() => onOpen({ kind: 'remove', target: { filter: input } })}
        >
          <Icon name="trash" size={16} />
          {t('images.actions.removeFiltered', { count: listed })}
        </button>
      ) : null}
    </div>
  );
}

/** What can be done with the checked rows. */
export function SelectionBar({ refs, onOpen, onClear }: { refs: string[]; onOpen(dialog: ImagesDialog): void; onClear(): void }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="images-selection" data-testid="images-selection">
      <strong>{t('images.actions.selected', { count: refs.length })}</strong>
      <button type="button" className="button button--small button--secondary" data-testid="images-save" onClick={() => onOpen({ kind: 'save', images: refs })}>
        <Icon name="save" size={14} />
        {t('images.actions.save')}
      </button>
      <button type="button" className="button button--small button--secondary button--danger-text" data-testid="images-remove-selected" onClick={() => onOpen({ kind: 'remove', target: { refs } })}>
        <Icon name="trash" size={14} />
        {t('images.actions.remove')}
      </button>
      <button type="button" className="button button--small button--subtle" onClick={onClear}>
        {t('images.actions.clearSelection')}
      </button>
    </div>
  );
}
