import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeConfigResult, ComposeDocument, ComposeFolder } from '../../../../shared/compose';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { CodeEditor } from './CodeEditor';
import { ConfigStatus } from './ConfigStatus';

interface Draft {
  doc: ComposeDocument;
  text: string;
  /** Bumped when the file is read or saved, so the editor takes the text as new. */
  version: number;
}

const baseName = (path: string): string => path.split('/').pop() ?? path;

/**
 * The project's compose files, override and .env in a code editor: saved atomically by the core (refused when the
 * file changed on disk meanwhile), then checked again with `docker compose config`; an error marks its line.
 */
export function FolderEditor({ folder, onClose, onSaved }: { folder: ComposeFolder; onClose(): void; onSaved(): void }): ReactElement {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Draft[]>(() => folder.documents.map((doc) => ({ doc, text: doc.text, version: 0 })));
  const [current, setCurrent] = useState(folder.documents[0]?.path ?? '');
  const [config, setConfig] = useState<ComposeConfigResult>(folder.config);
  const [busy, setBusy] = useState<'save' | 'check' | null>(null);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const draft = drafts.find((d) => d.doc.path === current);
  const files = folder.documents.filter((d) => d.role !== 'env').map((d) => d.path);

  const check = async (): Promise<void> => {
    setBusy('check');
    const answer = await call('compose.config', { files, workingDir: folder.workingDir });
    setBusy(null);
    if (answer.ok) setConfig(answer.value);
    else setError(answer.error);
  };
  const save = async (): Promise<void> => {
    if (!draft) return;
    setBusy('save');
    setError(null);
    const answer = await call('compose.save', { path: draft.doc.path, text: draft.text, mtimeMs: draft.doc.mtimeMs });
    setBusy(null);
    if (!answer.ok) return setError(answer.error);
    setDrafts(drafts.map((d) => (d.doc.path === draft.doc.path ? { doc: { ...d.doc, text: d.text, mtimeMs: answer.value.mtimeMs, exists: true }, text: d.text, version: d.version + 1 } : d)));
    onSaved();
    await check();
  };
  const errorLine = !config.ok && config.file === current ? config.line : undefined;

  return (
    <section className="card compose-editor" data-testid="compose-editor">
      <header className="compose-editor__head">
        <h3>{t('compose.editor.title')}</h3>
        <div className="compose-editor__tabs" role="tablist">
          {drafts.map((d) => (
            <button
              key={d.doc.path}
              type="button"
              role="tab"
              aria-selected={d.doc.path === current}
              className={`compose-editor__tab${d.doc.path === current ? ' compose-editor__tab--current' : ''}`}
              onClick={() => setCurrent(d.doc.path)}
              title={d.doc.path}
              data-testid="compose-editor-tab"
              data-file={baseName(d.doc.path)}
            >
              <span translate="no">{baseName(d.doc.path)}</span>
              {!d.doc.exists && d.text === '' ? <span className="faint">{t('compose.editor.missing')}</span> : null}
              {d.text !== d.doc.text ? <span className="compose-editor__dirty" title={t('compose.editor.unsaved')}>●</span> : null}
            </button>
          ))}
        </div>
        <span className="resource-spacer" />
        <button type="button" className="button button--subtle button--small" onClick={onClose} data-testid="compose-editor-close">
          <Icon name="close" size={14} />
          {t('compose.editor.close')}
        </button>
      </header>
      {draft ? (
        <CodeEditor
          docId={`${draft.doc.path}#${draft.version}`}
          value={draft.text}
          yamlFile={draft.doc.role !== 'env'}
          errorLine={errorLine}
          label={draft.doc.path}
          onChange={(text) => setDrafts((all) => all.map((d) => (d.doc.path === current ? { ...d, text } : d)))}
        />
      ) : null}
      <div className="compose-editor__bar">
        <span className="faint mono compose-editor__path" translate="no">
          {current}
        </span>
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void check()} data-testid="compose-editor-check">
          {busy === 'check' ? t('compose.editor.checking') : t('compose.editor.check')}
        </button>
        <button type="button" className="button button--primary" disabled={busy !== null || !draft || draft.text === draft.doc.text} onClick={() => void save()} data-testid="compose-editor-save">
          <Icon name="save" size={14} />
          {busy === 'save' ? t('compose.editor.saving') : t('compose.editor.save')}
        </button>
      </div>
      {error ? <ErrorNotice title={t('compose.editor.saveFailed')} error={error} /> : null}
      <ConfigStatus config={config} />
    </section>
  );
}
