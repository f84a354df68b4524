import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isCliFormatFailure, type CliFormatText } from '../../../../shared/cli-format';
import type { Envelope, WharfErrorInfo } from '../../../../shared/errors';
import { shellQuote } from '../../../../shared/shell-quote';
import { CommandBlock } from '../CommandBlock';
import { CopyButton } from '../CopyButton';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import '../../styles/format.css';

export interface FormatDialogProps {
  title: string;
  /** The listing command without --format, e.g. ['docker', 'image', 'ls', '-a']. */
  argv: readonly string[];
  /** Templates offered as a start; code, so never translated. */
  presets: readonly string[];
  /** The CLI's field names, each inserted as {{.Name}} when clicked. */
  fields: readonly string[];
  render(format: string): Promise<Envelope<CliFormatText>>;
  onClose(): void;
}

/** What the output shows, and for which format (a stale answer is never shown as the current one). */
type Preview = ({ state: 'idle' } | { state: 'rendering' } | { state: 'text'; text: string } | { state: 'cli-error'; message: string } | { state: 'failed'; error: WharfErrorInfo }) & { format?: string };

/** Renders the page's list through a typed `--format` template in the core, byte for byte what the CLI prints. */
export function FormatDialog({ title, argv, presets, fields, render, onClose }: FormatDialogProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [format, setFormat] = useState(presets[0] ?? '');
  const [answered, setPreview] = useState<Preview>({ state: 'idle' });
  // An answer for another format than the one typed is stale: the output says it is rendering instead.
  const preview: Preview = answered.format === format ? answered : { state: 'rendering' };

  // Each edit renders once the typing pauses; a stale answer never replaces a newer one.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void render(format).then((answer) => {
        if (!current) return;
        if (answer.ok) setPreview({ state: 'text', text: answer.value.text, format });
        else if (isCliFormatFailure(answer.error.details)) setPreview({ state: 'cli-error', message: answer.error.details.cliError, format });
        else setPreview({ state: 'failed', error: answer.error, format });
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [format, render]);

  const command = shellQuote([...argv, '--format', format]);
  const text = preview.state === 'text' ? preview.text : null;
  const footer = (
    <>
      <CopyButton label={t('format.copyOutput')} testId="format-copy-output" text={() => text ?? ''} disabled={text === null} />
      <button type="button" className="button button--primary" onClick={onClose} data-testid="format-close">
        {t('common.close')}
      </button>
    </>
  );

  return (
    <Dialog title={title} subtitle={t('format.subtitle')} onClose={onClose} footer={footer} size="wide" testId="format-dialog">
      <div className="format-form">
        <div className="field">
          <label htmlFor={id}>{t('format.field')}</label>
          <input
            id={id}
            className="input mono"
            value={format}
            onChange={(e) => setFormat(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            autoFocus
            aria-invalid={preview.state === 'cli-error'}
            aria-describedby={`${id}-hint`}
            data-testid="format-input"
          />
          <span id={`${id}-hint`} className="field__hint">
            {t('format.hint')}
          </span>
          {preview.state === 'cli-error' ? (
            <div className="format-problem" role="alert" data-testid="format-problem">
              <span>{t('format.cliError')}</span>
              <code className="mono" translate="no" data-testid="format-cli-error">
                {preview.message}
              </code>
            </div>
          ) : null}
        </div>
        <div className="format-chips" role="group" aria-label={t('format.presets')}>
          <span className="format-chips__label muted">{t('format.presets')}</span>
          {presets.map((p) => (
            <button key={p} type="button" className="chip mono" translate="no" onClick={() => setFormat(p)} data-testid="format-preset">
              {p}
            </button>
          ))}
        </div>
        <div className="format-chips" role="group" aria-label={t('format.fields')}>
          <span className="format-chips__label muted">{t('format.fields')}</span>
          {fields.map((f) => (
            <button key={f} type="button" className="chip mono" translate="no" onClick={() => setFormat((v) => `${v}{{.${f}}}`)}>
              {`.${f}`}
            </button>
          ))}
        </div>
        <div className="field">
          <span className="format-label">{t('format.output')}</span>
          {preview.state === 'failed' ? <ErrorNotice title={t('format.failed')} error={preview.error} /> : null}
          <pre className="format-output mono" translate="no" data-testid="format-output" data-state={preview.state} data-format={preview.format} aria-busy={preview.state === 'rendering'}>
            {text === null ? (preview.state === 'rendering' ? t('format.rendering') : '') : text === '' ? t('format.outputEmpty') : text}
          </pre>
        </div>
        <div className="field">
          <span className="format-label">{t('format.command')}</span>
          <CommandBlock commands={[{ command }]} testId="format-command" />
          <span className="field__hint">{t('format.scope')}</span>
        </div>
      </div>
    </Dialog>
  );
}
