import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, type ReactElement } from 'react';

const errorMark = Decoration.line({ class: 'cm-wharf-error-line' });

/** Marks the line a config error names, and scrolls it into view. */
function errorLineExtension(line: number | undefined): ReturnType<typeof EditorView.decorations.of> {
  return EditorView.decorations.compute([], (state) => {
    const builder = new RangeSetBuilder<Decoration>();
    if (line !== undefined && line >= 1 && line <= state.doc.lines) {
      const at = state.doc.line(line);
      builder.add(at.from, at.from, errorMark);
    }
    return builder.finish();
  });
}

/**
 * CodeMirror 6 for a compose file (YAML highlighting) or an .env file: line numbers, undo, the line a config error
 * names marked. The text is the page's (onChange on every edit); a new `docId` replaces the document.
 */
export function CodeEditor({ docId, value, yamlFile, errorLine, onChange, label }: { docId: string; value: string; yamlFile: boolean; errorLine?: number; onChange(text: string): void; label: string }): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const marks = useRef(new Compartment());
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          highlightActiveLine(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          syntaxHighlighting(defaultHighlightStyle),
          ...(yamlFile ? [yaml()] : []),
          marks.current.of(errorLineExtension(undefined)),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // A new document (another file, or the file read again) makes a new editor; typing does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docId, yamlFile]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch({ effects: marks.current.reconfigure(errorLineExtension(errorLine)) });
    if (errorLine !== undefined && errorLine >= 1 && errorLine <= editor.state.doc.lines) {
      editor.dispatch({ effects: EditorView.scrollIntoView(editor.state.doc.line(errorLine).from, { y: 'center' }) });
    }
  }, [errorLine, docId]);

  return <div className="compose-editor__code" ref={host} data-testid="compose-code-editor" />;
}
