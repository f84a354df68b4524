/** The Containers table's view: search, sort and Compose project groups (pure). */
import { describe, expect, it } from 'vitest';
import type { ContainerRow } from '../../src/shared/container-list';
import { nextSort, searchRows, sortRows, viewItems } from '../../src/renderer/src/pages/containers/container-view';
import { actionsFor, actionsForMany, rowsFor } from '../../src/renderer/src/pages/containers/container-actions';

function row(name: string, over: Partial<ContainerRow> = {}): ContainerRow {
  return { id: `${name}-id`, name, image: 'busybox', imageId: 'sha256:1', command: 'sleep 600', created: 100, state: 'running', status: 'Up 1 minute', health: null, ports: [], project: null, labels: {}, ...over };
}

const rows = [
  row('web', { project: 'shop', created: 300, ports: [{ ip: '0.0.0.0', publicPort: 8080, privatePort: 80, type: 'tcp' }] }),
  row('db', { project: 'shop', created: 200, state: 'exited', status: 'Exited (0) 1 hour ago' }),
  row('lone', { created: 400, image: 'nginx:1' }),
  row('cache', { project: 'accounts', created: 50 }),
];

describe('container view', () => {
  it('searches every word in name, image, project, status and ports', () => {
    expect(searchRows(rows, 'shop').map((r) => r.name)).toEqual(['web', 'db']);
    expect(searchRows(rows, 'nginx').map((r) => r.name)).toEqual(['lone']);
    expect(searchRows(rows, 'exited shop').map((r) => r.name)).toEqual(['db']);
    expect(searchRows(rows, '8080->80').map((r) => r.name)).toEqual(['web']);
    expect(searchRows(rows, '  ')).toHaveLength(4);
  });

  it('sorts stably; created starts newest first, names A→Z', () => {
    expect(sortRows(rows, nextSort(null, 'created')).map((r) => r.name)).toEqual(['lone', 'web', 'db', 'cache']);
    expect(sortRows(rows, nextSort(null, 'name')).map((r) => r.name)).toEqual(['cache', 'db', 'lone', 'web']);
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({ column: 'name', direction: 'descending' });
    expect(sortRows(rows, { column: 'status', direction: 'ascending' }).map((r) => r.name)).toEqual(['lone', 'web', 'cache', 'db']);
  });

  it('groups by Compose project (projects first, A→Z), collapsible; loose containers after', () => {
    const items = viewItems(rows, true, new Set(['accounts']));
    expect(items.map((i) => (i.kind === 'group' ? `[${i.project} ${i.running}/${i.count}${i.collapsed ? ' +' : ''}]` : i.row.name))).toEqual([
      '[accounts 1/1 +]',
      '[shop 1/2]',
      'web',
      'db',
      'lone',
    ]);
    expect(viewItems(rows, false, new Set()).map((i) => i.key)).toEqual(rows.map((r) => r.id));
  });

  it('offers the actions the state allows', () => {
    expect(actionsFor('running')).toEqual(['stop', 'restart', 'pause', 'kill', 'remove']);
    expect(actionsFor('exited')).toEqual(['start', 'remove']);
    expect(actionsFor('paused')).toContain('unpause');
    expect(actionsForMany(rows)).toEqual(['start', 'stop', 'restart', 'pause', 'kill', 'remove']);
    expect(rowsFor('stop', rows).map((r) => r.name)).toEqual(['web', 'lone', 'cache']);
    expect(rowsFor('remove', rows)).toHaveLength(4);
  });
});
