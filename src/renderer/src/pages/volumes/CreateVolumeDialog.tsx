import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { shellQuote } from '../../../../shared/shell-quote';
import { VOLUME_NAME, volumeCreateCommand } from '../../../../shared/volume-list';
import { call } from '../../api';
import { CommandBlock } from '../../components/CommandBlock';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { parsePairs } from '../../components/pairs';
import { ConfirmButtons } from '../../components/RemovalFooter';
import { PairsField } from '../../components/PairsField';

/** `docker volume create`: name (or none), driver, labels and driver options, with the command it equals. */
/** Whether the core refused the name because a volume of that name exists (details.problems.name). */
function nameTaken(error: WharfErrorInfo | null): boolean {
  return (error?.details as { problems?: { name?: unknown } } | undefined)?.problems?.name === 'exists';
}

export function CreateVolumeDialog({ existing, onClose, onCreated }: { existing: ReadonlySet<string>; onClose(): void; onCreated(name: string): void }): ReactElement {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [labels, setLabels] = useState('');
  const [options, setOptions] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  /** A name the core refused as taken (a volume made elsewhere after the list was read). */
  const [refusedName, setRefusedName] = useState<string | null>(null);
  const parsedLabels = parsePairs(labels);
  const parsedOptions = parsePairs(options);
  const trimmed = name.trim();
  const nameBad = trimmed !== '' && !VOLUME_NAME.test(trimmed);
  // Known from the list at once; a volume made elsewhere meanwhile comes back as the core's refusal.
  const taken = trimmed !== '' && (existing.has(trimmed) || refusedName === trimmed);
  const valid = !nameBad && !taken && driver.trim() !== '' && parsedLabels.ok && parsedOptions.ok;
  const input = {
    ...(trimmed ? { name: trimmed } : {}),
    driver: driver.trim(),
    labels: parsedLabels.ok ? parsedLabels.pairs : {},
    options: parsedOptions.ok ? parsedOptions.pairs : {},
  };

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const answer = await call('volumes.create', input);
    setBusy(false);
    if (answer.ok) onCreated(answer.value.name);
    else if (nameTaken(answer.error)) setRefusedName(input.name ?? null);
    else setError(answer.error);
  };

  return (
    <Dialog
      title={t('volumes.create.title')}
      subtitle={t('volumes.create.subtitle')}
      onClose={onClose}
      busy={busy}
      testId="volume-create-dialog"
      footer={<ConfirmButtons busy={busy} disabled={!valid} label={t('volumes.create.submit')} onClose={onClose} onConfirm={() => void submit()} testId="volume-create-submit" />}
    >
      <form
        className="resource-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid && !busy) void submit();
        }}
      >
        <div className="field">
          <label htmlFor="volume-name">{t('volumes.create.name')}</label>
          <input id="volume-name" className="input mono" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('volumes.create.namePlaceholder')} spellCheck={false} autoFocus data-testid="volume-create-name" />
          {nameBad ? (
            <span className="resource-problem">{t('volumes.create.nameInvalid')}</span>
          ) : taken ? (
            <span className="resource-problem" data-testid="volume-create-name-taken">
              {t('volumes.create.nameExists', { name: trimmed })}
            </span>
          ) : (
            <span className="field__hint">{t('volumes.create.nameHint')}</span>
          )}
        </div>
        <div className="field">
          <label htmlFor="volume-driver">{t('volumes.create.driver')}</label>
          <input id="volume-driver" className="input mono" value={driver} onChange={(e) => setDriver(e.target.value)} spellCheck={false} />
          <span className="field__hint">{t('volumes.create.driverHint')}</span>
        </div>
        <PairsField id="volume-labels" label={t('volumes.create.labels')} value={labels} parsed={parsedLabels} onChange={setLabels} testId="volume-create-labels" />
        <PairsField id="volume-options" label={t('volumes.create.options')} hint={t('volumes.create.optionsHint')} value={options} parsed={parsedOptions} onChange={setOptions} testId="volume-create-options" />
        <div className="resource-command">
          <span className="field__hint">{t('volumes.command')}</span>
          <CommandBlock commands={[{ command: shellQuote(volumeCreateCommand(input)) }]} testId="volume-create-command" />
        </div>
        {error ? <ErrorNotice title={t('volumes.create.failed')} error={error} /> : null}
      </form>
    </Dialog>
  );
}
