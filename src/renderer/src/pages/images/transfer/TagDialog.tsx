import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import { shellQuote } from '../../../../../shared/shell-quote';
import { call } from '../../../api';
import { CommandBlock } from '../../../components/CommandBlock';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { shortId } from '../cli-text';
import { ReferenceField } from './ReferenceField';
import { readReference } from './reference-input';
import '../../../styles/images-transfer.css';

/** `docker tag SOURCE TARGET`, with the target checked as the CLI checks it. */
export function TagDialog({ source, onClose }: { source: { id: string; reference: string | null }; onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const shown = source.reference ?? shortId(source.id);
  const [value, setValue] = useState(source.reference ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [tagged, setTagged] = useState<string | null>(null);
  const input = readReference(t, value, { allowDigest: false });
  const ready = input.problem === null && !busy;

  const submit = async (): Promise<void> => {
    if (!ready || tagged) return;
    setBusy(true);
    setError(null);
    // By ID when the row has one: tagging "the image shown" even if the name moved meanwhile.
    const envelope = await call('images.tag', { source: source.id, target: input.text });
    setBusy(false);
    if (envelope.ok) setTagged(envelope.value.target);
    else setError(envelope.error);
  };

  const footer = tagged ? (
    <button type="button" className="button button--primary" onClick={onClose} data-testid="tag-close">
      {t('common.close')}
    </button>
  ) : (
    <>
      <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
        {t('common.cancel')}
      </button>
      <button type="button" className="button button--primary" onClick={() => void submit()} disabled={!ready} data-testid="tag-start">
        {t('imageTransfer.tag.start')}
      </button>
    </>
  );

  return (
    <Dialog title={t('imageTransfer.tag.title')} subtitle={t('imageTransfer.tag.subtitle', { source: shown })} onClose={onClose} footer={footer} busy={busy} testId="tag-dialog">
      <div className="images-transfer-form">
        {error ? <ErrorNotice title={t('imageTransfer.tag.failed')} error={error} /> : null}
        {tagged ? (
          <p className="notice notice--info" data-testid="tag-done">
            {t('imageTransfer.tag.done', { source: shown, target: tagged })}
          </p>
        ) : (
          <ReferenceField
            label={t('imageTransfer.tag.label')}
            hint={t('imageTransfer.tag.hint')}
            value={value}
            input={input}
            defaultTagNote={t('imageTransfer.tag.defaultTag')}
            onChange={setValue}
            onSubmit={() => void submit()}
            testId="tag-target"
          />
        )}
        <div className="field">
          <span className="images-transfer-label">{t('imageTransfer.command')}</span>
          <CommandBlock commands={[{ command: shellQuote(['docker', 'tag', shown, tagged ?? (input.text || 'TARGET_IMAGE[:TAG]')]) }]} testId="tag-command" />
        </div>
      </div>
    </Dialog>
  );
}
