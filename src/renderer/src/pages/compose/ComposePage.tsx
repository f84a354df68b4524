import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineGate } from '../../components/EngineGate';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { useCall } from '../../hooks/use-call';
import { useComposeStore } from '../../stores/compose-store';
import '../../styles/compose.css';
import { OpenFolderBar } from './OpenFolderBar';
import { ProjectList } from './ProjectList';
import { ProjectPanel } from './ProjectPanel';
import { projectRows } from './project-rows';
import { ToolNotice } from './ToolNotice';

/** Projects on the left (labels and opened folders), the chosen one on the right. */
function ComposeWorkspace(): ReactElement {
  const { t } = useTranslation();
  const { list, listError, refresh } = useComposeStore();
  const tool = useCall('compose.tool', {});
  const rows = useMemo(() => (list ? projectRows(list) : []), [list]);
  const [selected, setSelected] = useState<string | null>(null);
  // A project that went (down removed its containers) stays chosen: its panel shows the outcome of the down.
  const current = rows.find((r) => r.name === selected) ?? (selected !== null ? { name: selected } : null);
  const changed = useCallback(() => void refresh(), [refresh]);

  return (
    <>
      <div className="compose-top">
        <OpenFolderBar
          onOpened={(folder) => {
            setSelected(folder.name);
            void refresh();
          }}
        />
        {tool.data ? <ToolNotice tool={tool.data} /> : null}
      </div>
      {listError ? <ErrorNotice title={t('compose.list.loadFailed')} error={listError} onRetry={() => void refresh()} /> : null}
      {list === null ? (
        <Spinner />
      ) : (
        <div className="compose-layout">
          <ProjectList rows={rows} selected={current?.name ?? null} onSelect={setSelected} />
          {current ? (
            <ProjectPanel key={current.name} row={current} onChanged={changed} />
          ) : (
            <div className="card compose-panel compose-panel--empty muted">{t('compose.panel.choose')}</div>
          )}
        </div>
      )}
    </>
  );
}

/** The Compose page: every project, adopted wherever it was started; open a folder, up/down/logs per service. */
export function ComposePage(): ReactElement {
  useEffect(() => useComposeStore.startSync(), []);
  return (
    <div className="page compose-page" data-testid="page-compose">
      <EngineGate>{() => <ComposeWorkspace />}</EngineGate>
    </div>
  );
}
