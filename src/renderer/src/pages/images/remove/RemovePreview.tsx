import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoveItem, RemovePlan } from '../../../../../shared/image-remove';
import { humanSize, imageSize } from '../../../../../shared/units';
import { shortId } from '../cli-text';

/** How many rows the preview draws; the rest are counted (the command and the task still cover them). */
const SHOWN = 300;

function NotesCell({ item, plan }: { item: RemoveItem; plan: RemovePlan }): ReactElement {
  const { t } = useTranslation();
  if (item.mode === 'untag') {
    // Another item of the plan deletes the image, or the image stays under its other names.
    const deletedBy = plan.items.find((i) => i.id === item.id && i.mode === 'delete');
    return <span className="faint">{deletedBy ? t('imageRemove.goesWith', { name: deletedBy.ref }) : t('imageRemove.keepsNames', { names: item.otherTags.join(', ') })}</span>;
  }
  if (item.containers.length === 0) return <span className="faint">—</span>;
  return (
    <span className="images-remove-blockers">
      {item.containers.map((c) => (
        <span key={c.name} className={c.running ? 'chip chip--danger' : 'chip chip--warning'} title={t(c.running ? 'imageRemove.runningTitle' : 'imageRemove.stoppedTitle')}>
          {t(c.running ? 'imageRemove.running' : 'imageRemove.stopped', { name: c.name })}
        </span>
      ))}
    </span>
  );
}

/** The rows of the preview: each reference, whether it is untagged or deletes its image, and what blocks it. */
export function RemovePreview({ plan }: { plan: RemovePlan }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="images-remove-preview">
      <table className="table images-remove-table" data-testid="remove-preview">
        <thead>
          <tr>
            <th scope="col">{t('imageRemove.column.reference')}</th>
            <th scope="col">{t('imageRemove.column.action')}</th>
            <th scope="col">{t('imageRemove.column.id')}</th>
            <th scope="col" className="num" title={t('imageRemove.column.freesTitle')}>
              {t('imageRemove.column.frees')}
            </th>
            <th scope="col">{t('imageRemove.column.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.items.slice(0, SHOWN).map((item) => (
            <tr key={`${item.id}|${item.ref}`} data-testid="remove-item" data-ref={item.ref} data-mode={item.mode} data-blocked={item.containers.length > 0}>
              <td className="mono images-remove-table__ref" title={item.ref}>
                {item.ref.startsWith('sha256:') ? shortId(item.ref) : item.ref}
              </td>
              <td>
                <span className={item.mode === 'delete' ? 'chip chip--danger' : 'chip chip--muted'} title={t(`imageRemove.mode.${item.mode}Title`)}>
                  {t(`imageRemove.mode.${item.mode}`)}
                </span>
              </td>
              <td className="mono">{shortId(item.id)}</td>
              <td className="num">{item.mode === 'delete' ? humanSize(item.uniqueSize) : <span className="faint">0 B</span>}</td>
              <td>
                <NotesCell item={item} plan={plan} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.items.length > SHOWN ? <p className="muted">{t('imageRemove.moreRows', { count: plan.items.length - SHOWN })}</p> : null}
      <p className="faint images-remove-preview__sizes">{t('imageRemove.sizesNote', { size: imageSize(plan.items.reduce((n, i) => (i.mode === 'delete' ? n + i.size : n), 0)) })}</p>
    </div>
  );
}
