import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { contextCreateCommand, contextNameProblem, engineHostProblem, engineKindOf, type EngineEntry } from '../../../../shared/engines';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { shellQuote } from '../../../../shared/shell-quote';
import { call } from '../../api';
import { useEnginesStore } from '../../stores/engines-store';
import { CommandBlock } from '../CommandBlock';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../ErrorNotice';
import { Icon } from '../Icon';
import { ConfirmButtons } from '../RemovalFooter';
import { EngineDot } from './EngineDot';

/** The problem the core named for one field (details.problems.<field>), if any. */
function problemAt(error: WharfErrorInfo | null, field: string): string | undefined {
  const problems = (error?.details as { problems?: Record<string, unknown> } | undefined)?.problems;
  const problem = problems?.[field];
  return typeof problem === 'string' ? problem : undefined;
}

function FieldProblem({ group, problem, name, testId }: { group: 'name' | 'host' | 'tls'; problem: string | undefined; name?: string; testId: string }): ReactElement | null {
  const { t } = useTranslation();
  if (problem === undefined) return null;
  // Keys by the core's problem codes; an unknown code still shows (as its key) rather than nothing.
  const key = `engines.problem.${group}.${problem}` as 'engines.problem.name.exists';
  return (
    <span className="resource-problem" data-testid={testId} data-problem={problem}>
      {t(key, { name: name ?? '' })}
    </span>
  );
}

/** One engine's row; its removal asks in a row of its own under it. */
function EngineTableRow({ engine, onRemoved }: { engine: EngineEntry; /** The list changed: read it again. */ onRemoved(): void }): ReactElement {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const usedByCli = (error?.details as { usedByCli?: boolean } | undefined)?.usedByCli === true;
  // Why it cannot be removed here, said on the disabled button.
  const fixed = engine.name === 'default' ? t('engines.dialog.defaultFixed') : engine.inUse ? t('engines.dialog.inUseByWharf') : undefined;
  const remove = async (force: boolean): Promise<void> => {
    setBusy(true);
    const answer = await call('engines.remove', { name: engine.name, force });
    setBusy(false);
    if (answer.ok) onRemoved();
    else setError(answer.error);
  };
  return (
    <>
      <tr data-testid={`engines-table-row-${engine.name}`}>
        <td>
          <span className="engines-table__name">
            <EngineDot name={engine.name} />
            <strong translate="no">{engine.name}</strong>
            {engine.inUse ? <span className="chip chip--accent">{t('engines.inUse')}</span> : null}
            {engine.current ? <span className="chip chip--muted">{t('engines.cliCurrent')}</span> : null}
          </span>
        </td>
        <td className="mono">{engine.endpoint}</td>
        <td>{engine.error ?? engine.description}</td>
        <td className="engines-table__actions">
          {engine.found ? (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              data-testid={`engine-save-${engine.name}`}
              onClick={() => {
                // What dockerd-rootless-setuptool.sh makes: a context of that name for the user's own socket.
                setBusy(true);
                void call('engines.create', { name: engine.name, host: engine.endpoint }).then((answer) => {
                  setBusy(false);
                  if (answer.ok) onRemoved();
                  else setError(answer.error);
                });
              }}
            >
              {t('engines.dialog.saveRootless')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--subtle button--small button--danger-text"
              onClick={() => setAsking(true)}
              disabled={fixed !== undefined || asking}
              title={fixed ?? t('engines.dialog.remove', { name: engine.name })}
              aria-label={t('engines.dialog.remove', { name: engine.name })}
              data-testid={`engine-remove-${engine.name}`}
            >
              <Icon name="trash" size={16} />
            </button>
          )}
        </td>
      </tr>
      {error && !asking ? (
        <tr>
          <td colSpan={4}>
            <ErrorNotice title={t('engines.dialog.addFailed')} error={error} />
          </td>
        </tr>
      ) : null}
      {asking ? (
        <tr className="engines-table__confirm">
          <td colSpan={4}>
            <div className="engine-remove">
              <span>{t('engines.dialog.removeConfirm', { name: engine.name })}</span>
              <button type="button" className="button button--subtle" onClick={() => setAsking(false)} disabled={busy}>
                {t('volumes.cancel')}
              </button>
              <button type="button" className="button button--primary button--danger" onClick={() => void remove(usedByCli)} disabled={busy} data-testid={`engine-remove-confirm-${engine.name}`}>
                {usedByCli ? t('engines.dialog.removeForce') : t('engines.dialog.remove', { name: engine.name })}
              </button>
            </div>
            {error ? <ErrorNotice title={t('engines.dialog.removeFailed', { name: engine.name })} error={error} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Add an engine: a docker context the CLI sees too, with the `docker context create` command it equals. */
function AddEngineForm({ taken, onCreated, onCancel }: { taken: ReadonlySet<string>; onCreated(): void; onCancel(): void }): ReactElement {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [host, setHost] = useState('');
  const [ca, setCa] = useState('');
  const [cert, setCert] = useState('');
  const [key, setKey] = useState('');
  const [skipVerify, setSkipVerify] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [touched, setTouched] = useState({ name: false, host: false });
  const tcp = engineKindOf(host.trim()) === 'tcp';
  const tls = tcp && (ca || cert || key || skipVerify) ? { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}), ...(skipVerify ? { skipVerify } : {}) } : undefined;
  const input = { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}), host: host.trim(), ...(tls ? { tls } : {}) };
  // Said as soon as the field is left (or at once when it is plainly wrong); the core's answer wins when it has one.
  const nameProblem = problemAt(error, 'name') ?? (input.name === '' ? undefined : taken.has(input.name) ? 'exists' : contextNameProblem(input.name));
  const hostProblem = problemAt(error, 'host') ?? (touched.host || input.host.length > 8 ? engineHostProblem(input.host) : undefined);
  const valid = input.name !== '' && input.host !== '' && contextNameProblem(input.name) === undefined && !taken.has(input.name) && engineHostProblem(input.host) === undefined;

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const answer = await call('engines.create', input);
    setBusy(false);
    if (answer.ok) onCreated();
    else setError(answer.error);
  };
  const fieldError = error && ['name', 'host', 'tls.ca', 'tls.cert', 'tls.key'].some((f) => problemAt(error, f) !== undefined);

  return (
    <form
      className="resource-form engine-add"
      data-testid="engine-add-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && !busy) void submit();
      }}
    >
      <h3>{t('engines.dialog.addTitle')}</h3>
      <div className="field">
        <label htmlFor="engine-name">{t('engines.dialog.name')}</label>
        <input id="engine-name" className="input mono" value={name} onChange={(e) => { setName(e.target.value); setError(null); }} onBlur={() => setTouched((v) => ({ ...v, name: true }))} spellCheck={false} autoFocus aria-invalid={nameProblem !== undefined} data-testid="engine-add-name" />
        {nameProblem ? <FieldProblem group="name" problem={nameProblem} name={input.name} testId="engine-add-name-problem" /> : <span className="field__hint">{t('engines.dialog.nameHint')}</span>}
      </div>
      <div className="field">
        <label htmlFor="engine-host">{t('engines.dialog.hostLabel')}</label>
        <input id="engine-host" className="input mono" value={host} onChange={(e) => { setHost(e.target.value); setError(null); }} onBlur={() => setTouched((v) => ({ ...v, host: true }))} placeholder={t('engines.dialog.hostPlaceholder')} spellCheck={false} aria-invalid={hostProblem !== undefined} data-testid="engine-add-host" />
        {hostProblem ? <FieldProblem group="host" problem={hostProblem} testId="engine-add-host-problem" /> : <span className="field__hint">{t('engines.dialog.hostHint')}</span>}
      </div>
      <div className="field">
        <label htmlFor="engine-description">{t('engines.dialog.description')}</label>
        <input id="engine-description" className="input" value={description} onChange={(e) => setDescription(e.target.value)} placeholder={t('engines.dialog.descriptionPlaceholder')} data-testid="engine-add-description" />
      </div>
      {tcp ? (
        <fieldset className="engine-add__tls">
          <legend>{t('engines.dialog.tlsTitle')}</legend>
          {(
            [
              ['ca', ca, setCa, 'tlsCa'],
              ['cert', cert, setCert, 'tlsCert'],
              ['key', key, setKey, 'tlsKey'],
            ] as const
          ).map(([field, value, set, label]) => (
            <div className="field" key={field}>
              <label htmlFor={`engine-tls-${field}`}>{t(`engines.dialog.${label}`)}</label>
              <input id={`engine-tls-${field}`} className="input mono" value={value} onChange={(e) => { set(e.target.value); setError(null); }} placeholder={t('engines.dialog.tlsPathPlaceholder')} spellCheck={false} data-testid={`engine-add-tls-${field}`} />
              <FieldProblem group="tls" problem={problemAt(error, `tls.${field}`)} testId={`engine-add-tls-${field}-problem`} />
            </div>
          ))}
          <label className="checkbox">
            <input type="checkbox" checked={skipVerify} onChange={(e) => setSkipVerify(e.target.checked)} />
            <span>{t('engines.dialog.skipVerify')}</span>
          </label>
          <span className="field__hint">{t('engines.dialog.tlsHint')}</span>
        </fieldset>
      ) : null}
      <div className="resource-command">
        <span className="field__hint">{t('engines.dialog.command')}</span>
        <CommandBlock commands={[{ command: shellQuote(contextCreateCommand({ ...input, name: input.name || 'NAME', host: input.host || 'HOST' })) }]} testId="engine-add-command" />
      </div>
      {error && !fieldError ? <ErrorNotice title={t('engines.dialog.addFailed')} error={error} /> : null}
      <div className="engine-add__buttons">
        <ConfirmButtons busy={busy} disabled={!valid} label={t('engines.dialog.addSubmit')} onClose={onCancel} onConfirm={() => void submit()} testId="engine-add-submit" />
      </div>
    </form>
  );
}

/** Every docker context, with add and remove; what changes here, `docker context ls` shows too. */
export function EnginesDialog({ onClose }: { onClose(): void }): ReactElement {
  const { t } = useTranslation();
  const { list, listError, load } = useEnginesStore();
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  const engines = list?.engines ?? [];
  return (
    <Dialog title={t('engines.dialog.title')} subtitle={t('engines.dialog.subtitle')} onClose={onClose} size="wide" testId="engines-dialog">
      {listError ? <ErrorNotice title={t('engines.loadFailed')} error={listError} onRetry={() => void load()} /> : null}
      <table className="table engines-table" data-testid="engines-table">
        <thead>
          <tr>
            <th>{t('engines.dialog.name')}</th>
            <th>{t('engines.dialog.endpoint')}</th>
            <th>{t('engines.dialog.description')}</th>
            <th aria-label={t('engines.dialog.remove', { name: '' })} />
          </tr>
        </thead>
        <tbody>
          {engines.map((engine) => (
            <EngineTableRow key={engine.name} engine={engine} onRemoved={() => void load()} />
          ))}
        </tbody>
      </table>
      {adding ? (
        <AddEngineForm
          taken={new Set(engines.map((e) => e.name))}
          onCancel={() => setAdding(false)}
          onCreated={() => {
            setAdding(false);
            void load();
          }}
        />
      ) : (
        <button type="button" className="button button--primary" onClick={() => setAdding(true)} data-testid="engine-add">
          <Icon name="plus" />
          <span>{t('engines.dialog.add')}</span>
        </button>
      )}
    </Dialog>
  );
}
