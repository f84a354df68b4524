import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemResult, TaskInfo } from '../../../shared/tasks';
import { dynamicText } from '../i18n/messages';

const SHOWN = 8;

/** A bulk task's per-item outcome: counts, then the items that were skipped or failed, with why. */
export function TaskItems({ task, counts = true }: { task: TaskInfo; counts?: boolean }): ReactElement | null {
  const { t } = useTranslation();
  if (task.detail?.kind !== 'items') return null;
  const items = task.detail.items;
  const count = (state: ItemResult['state']): number => items.filter((i) => i.state === state).length;
  const notable = items.filter((i) => i.state === 'failed' || i.state === 'skipped');
  return (
    <div className="task-items" data-testid="task-items">
      {counts ? (
      <div className="task-items__counts">
        <span>{t('tasks.items.done', { count: count('done'), total: items.length })}</span>
        {count('skipped') > 0 ? <span className="chip chip--warning">{t('tasks.items.skipped', { count: count('skipped') })}</span> : null}
        {count('failed') > 0 ? <span className="chip chip--danger">{t('tasks.items.failed', { count: count('failed') })}</span> : null}
      </div>
      ) : null}
      {notable.length > 0 ? (
        <ul className="task-items__list">
          {notable.slice(0, SHOWN).map((item) => (
            <li key={item.target} data-state={item.state}>
              <code>{item.target}</code>
              <span>{item.reason ? dynamicText(t, `tasks.reason.${item.reason}`, item.reason) : ''}</span>
              {item.message ? <span className="faint">{item.message}</span> : null}
            </li>
          ))}
          {notable.length > SHOWN ? <li className="faint">{t('tasks.items.more', { count: notable.length - SHOWN })}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
