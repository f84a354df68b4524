import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { DeletedTag } from '../../../../../shared/registry-access';
import { call } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';

export interface TagRef {
  registry: string;
  repository: string;
  tag: string;
}

/** The reference as docker writes it (no scheme). */
export function tagReference(ref: TagRef): string {
  return `${ref.registry.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/${ref.repository}:${ref.tag}`;
}

/** Confirms and runs registryAccess.deleteTag; a registry without deletion says so (405 → unsupported). */
export function DeleteTagDialog({ target, onClose, onDeleted }: { target: TagRef; onClose(): void; onDeleted(deleted: DeletedTag): void }): ReactElement {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const reference = tagReference(target);

  const remove = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const envelope = await call('registryAccess.deleteTag', target);
    setBusy(false);
    if (envelope.ok) onDeleted(envelope.value);
    else setError(envelope.error);
  };

  return (
    <Dialog
      title={t('registryAccess.browse.deleteTitle', { reference })}
      onClose={onClose}
      busy={busy}
      testId="delete-tag-dialog"
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
            {t('registryAccess.browse.cancel')}
          </button>
          <button type="button" className="button button--primary button--danger" onClick={() => void remove()} disabled={busy} data-testid="delete-tag-confirm">
            {t('registryAccess.browse.deleteConfirm')}
          </button>
        </>
      }
    >
      <p>{t('registryAccess.browse.deleteBody')}</p>
      {error ? <ErrorNotice title={t('registryAccess.browse.deleteFailed')} error={error} /> : null}
    </Dialog>
  );
}
