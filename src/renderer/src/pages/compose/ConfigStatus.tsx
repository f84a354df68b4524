import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeConfigResult } from '../../../../shared/compose';
import { CommandBlock } from '../../components/CommandBlock';
import { shellQuote } from '../../../../shared/shell-quote';

/** What `docker compose config` said: valid with its services, or the error at its file and line, with compose's output. */
export function ConfigStatus({ config }: { config: ComposeConfigResult }): ReactElement {
  const { t } = useTranslation();
  if (config.ok) {
    return (
      <div className="notice notice--info compose-config" data-testid="compose-config" data-ok="true">
        <span>
          {t('compose.editor.ok')}{' '}
          <span className="mono" translate="no">
            {config.services.join(', ')}
          </span>
        </span>
        <CommandBlock commands={[{ command: shellQuote(config.command) }]} />
      </div>
    );
  }
  const base = config.file ? config.file.split('/').pop() ?? config.file : '';
  return (
    <div className="notice notice--error compose-config" role="alert" data-testid="compose-config" data-ok="false" data-file={config.file ?? ''} data-line={config.line ?? ''}>
      <strong>
        {config.file && config.line !== undefined ? t('compose.editor.error', { file: base, line: config.line }) : t('compose.editor.errorNoLine')}{' '}
        <span translate="no">{config.message}</span>
      </strong>
      <pre className="compose-output mono">{config.output}</pre>
    </div>
  );
}
