import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeTool } from '../../../../shared/compose';
import { hrefFor } from '../../stores/route-store';

/** Which compose Wharf runs; when none (or only v1) is found, what that means and where Setup shows the fix. */
export function ToolNotice({ tool }: { tool: ComposeTool }): ReactElement {
  const { t } = useTranslation();
  if (tool.kind === 'plugin' || tool.kind === 'standalone') {
    return (
      <span className="faint compose-tool" data-testid="compose-tool" data-kind={tool.kind} title={tool.path} translate="no">
        {t('compose.tool.found', { version: tool.version })}
      </span>
    );
  }
  return (
    <div className="notice notice--warning compose-tool" role="status" data-testid="compose-tool" data-kind={tool.kind}>
      <span>{tool.kind === 'v1' ? t('compose.tool.v1', { version: tool.version }) : t('compose.tool.none')}</span>
      <a href={hrefFor('setup')}>{t('compose.tool.toSetup')}</a>
    </div>
  );
}
